package dev.atelier.search.internal;

import dev.atelier.asset.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A SYNTHETIC library for the search benchmark, the same for every run with the same seed. The
 * assets are made one after the other (never all held in memory), so each engine gets its own
 * pass over the same sequence.
 *
 * <p>Shapes, as a DAM library tends to have them: words drawn from a fixed vocabulary by a Zipf law
 * (a few words everywhere, a long tail); media types mostly JPEG and PNG; camera file names for
 * half of the JPEGs; owners among 200 users with a few heavy uploaders; uploads over five years,
 * growing over time; sizes log-normal per media type; 1 % in the trash; 80 % visible to every
 * viewer, 20 % restricted to their owner and one of 100 groups.
 */
final class SyntheticAssets implements Iterator<AssetDocument> {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(5 * 365));
    static final String VIEWER = "role:viewer";
    static final double RESTRICTED_SHARE = 0.20;

    /** The vocabulary, most frequent first. */
    static final String[] WORDS = ("""
            photo image product campaign summer team hero banner logo social brand new office event portrait
            spring store launch web print blue city outdoor winter detail lifestyle poster family studio
            black white green red night sale holiday travel food coffee beach mountain street interior
            autumn video interview customer website header background catalog packaging shot final draft
            press release report annual meeting conference workshop training onboarding product_launch
            headquarters factory warehouse delivery truck fleet drone aerial skyline sunset sunrise river
            lake forest garden flower tree snow rain cloud sky ocean wave harbor bridge tower station
            train airport plane car bike bus road map sign window door kitchen table chair desk laptop
            phone screen tablet camera lens light shadow texture pattern wood metal glass stone paper
            fabric leather cotton wool gold silver orange yellow purple pink brown grey dark bright warm
            cold soft sharp wide close macro group crowd child woman man couple friends colleagues
            manager engineer designer chef nurse doctor teacher student athlete runner player coach fans
            stadium match game trophy award ceremony gala dinner lunch breakfast party wedding birthday
            christmas easter halloween newyear valentine black_friday cyber autumn_sale clearance
            bundle offer discount coupon voucher newsletter email mailer flyer brochure leaflet magazine
            billboard display shelf aisle checkout counter cashier basket bag box bottle can jar label
            recipe menu dish salad pasta pizza burger dessert cake bread cheese wine beer juice tea
            smoothie vegan organic fresh local seasonal natural eco sustainable green_energy solar wind
            battery charger cable device app dashboard chart graph infographic icon illustration vector
            mockup wireframe template layout typography font palette moodboard storyboard sketch concept
            render model prototype sample swatch variant thumbnail preview teaser trailer clip reel
            episode podcast jingle soundtrack voiceover music ambience interview_cut behind scenes
            making documentary testimonial tutorial howto unboxing review demo keynote panel speaker
            audience stage booth expo fair roadshow pop_up flagship boutique showroom gallery museum
            exhibition artwork mural graffiti architecture facade staircase lobby atrium rooftop terrace
            balcony courtyard park playground school campus library hospital clinic lab research
            science data cloud_platform security privacy compliance policy contract invoice budget
            forecast strategy roadmap milestone kickoff retrospective sprint quarterly q1 q2 q3 q4
            europe asia america africa paris london berlin tokyo newyork madrid rome amsterdam lisbon
            vienna prague oslo stockholm copenhagen dublin zurich milan barcelona munich hamburg
            """).strip().split("\\s+");

    static final String[] FIRST = ("amelia oliver isla noah ava leo mia arthur ella oscar lily theo grace finn chloe jack "
            + "sofia lucas emma hugo nora felix clara max hannah elias lea paul julia jonas").split(" ");
    static final String[] LAST = ("hart novak berg silva costa meyer dubois rossi jensen kowalski moreau larsen weber "
            + "fischer nagy horvat keller vogel brandt lund").split(" ");

    record Kind(String mediaType, String extension, double weight, double medianBytes, double sigma) {}

    static final List<Kind> KINDS = List.of(
            new Kind("image/jpeg", "jpg", 52, 3.2e6, 0.7), new Kind("image/png", "png", 16, 0.9e6, 1.0),
            new Kind("image/tiff", "tif", 3, 40e6, 0.8), new Kind("image/webp", "webp", 2, 0.3e6, 0.8),
            new Kind("image/svg+xml", "svg", 2, 40e3, 1.0), new Kind("image/gif", "gif", 1, 1.5e6, 1.0),
            new Kind("image/heic", "heic", 2, 2.5e6, 0.5), new Kind("image/vnd.adobe.photoshop", "psd", 2, 80e6, 0.9),
            new Kind("application/pdf", "pdf", 8, 1.8e6, 1.3), new Kind("video/mp4", "mp4", 5, 120e6, 1.2),
            new Kind("video/quicktime", "mov", 2, 600e6, 1.0), new Kind("audio/mpeg", "mp3", 1.5, 6e6, 0.7),
            new Kind("audio/wav", "wav", 0.5, 40e6, 0.8),
            new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", 1.5, 0.2e6, 1.0),
            new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", 1.5, 8e6, 1.0),
            new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", 1, 0.1e6, 1.0));

    /** A user of the library: an uploader, or someone who sees only what a few groups are given. */
    record User(UUID id, String username, Set<String> principals) {}

    /** The people and groups; made first from the seed, so generation and queries agree on them. */
    record Library(List<User> owners, List<String> groups, List<User> restricted) {

        static Library of(long seed) {
            var rnd = new SplittableRandom(seed);
            List<User> owners = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            while (owners.size() < 200) {
                String name = FIRST[rnd.nextInt(FIRST.length)] + "." + LAST[rnd.nextInt(LAST.length)] + (names.size() >= 150 ? names.size() : "");
                if (names.add(name)) {
                    UUID id = uuid(rnd, END.toEpochMilli());
                    owners.add(new User(id, name, Set.of(VIEWER, "user:" + id)));
                }
            }
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                groups.add("group:" + uuid(rnd, END.toEpochMilli()));
            }
            List<User> restricted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                UUID id = uuid(rnd, END.toEpochMilli());
                Set<String> principals = new LinkedHashSet<>(List.of("user:" + id));
                while (principals.size() < 6) { // five groups: 5 × (20 % / 100 groups) = 1 % of the library
                    principals.add(groups.get(rnd.nextInt(groups.size())));
                }
                restricted.add(new User(id, "agency.user" + i, Set.copyOf(principals)));
            }
            return new Library(List.copyOf(owners), List.copyOf(groups), List.copyOf(restricted));
        }
    }

    private final Library library;
    private final SplittableRandom rnd;
    private final int count;
    private final Zipf words = new Zipf(WORDS.length, 1.0);
    private final Zipf owners = new Zipf(200, 1.0);
    private final double[] kindCumulative;
    private int made;

    SyntheticAssets(Library library, long seed, int count) {
        this.library = library;
        this.rnd = new SplittableRandom(seed);
        this.count = count;
        this.kindCumulative = cumulative(KINDS.stream().mapToDouble(Kind::weight).toArray());
    }

    @Override
    public boolean hasNext() {
        return made < count;
    }

    @Override
    public AssetDocument next() {
        made++;
        Kind kind = KINDS.get(pick(kindCumulative, rnd.nextDouble()));
        User owner = library.owners().get(owners.sample(rnd));
        Instant created = created();
        Instant updated = rnd.nextDouble() < 0.7 ? created
                : min(END, created.plus(Duration.ofMinutes((long) (-Math.log(1 - rnd.nextDouble()) * 30 * 24 * 60))));
        String title = words(2 + rnd.nextInt(5), " ");
        String description = rnd.nextDouble() < 0.3 ? "" : capitalised(words(6 + rnd.nextInt(25), " ")) + ".";
        int versions = rnd.nextDouble() < 0.8 ? 1 : rnd.nextDouble() < 0.7 ? 2 : 3 + rnd.nextInt(3);
        long size = Math.max(200, (long) (kind.medianBytes() * Math.exp(kind.sigma() * rnd.nextGaussian())));
        return new AssetDocument(new AssetId(uuid(rnd, created.toEpochMilli())), versions + rnd.nextInt(4), capitalised(title),
                description, filenames(kind, title, versions), AssetDocuments.typeOf(kind.mediaType()), kind.mediaType(),
                owner.username(), rnd.nextDouble() < 0.01, created, updated, size, versions, readers(owner), false,
                AssetDocument.Embedded.NONE, java.util.Set.of());
    }

    /** Uploads grow over the five years: density rises linearly, so the square root of a uniform draw. */
    private Instant created() {
        long span = END.toEpochMilli() - START.toEpochMilli();
        return Instant.ofEpochMilli(START.toEpochMilli() + (long) (span * Math.sqrt(rnd.nextDouble())));
    }

    private List<String> filenames(Kind kind, String title, int versions) {
        boolean camera = kind.extension().equals("jpg") && rnd.nextDouble() < 0.5;
        String base = camera ? cameraName() : title.replace(' ', rnd.nextBoolean() ? '_' : '-');
        List<String> names = new ArrayList<>();
        for (int v = versions; v >= 1; v--) {
            String suffix = versions == 1 ? (rnd.nextDouble() < 0.15 ? "_final" : "") : "_v" + v;
            String extension = camera ? kind.extension().toUpperCase(Locale.ROOT) : kind.extension();
            names.add(base + suffix + "." + extension);
        }
        return names;
    }

    private String cameraName() {
        return switch (rnd.nextInt(3)) {
            case 0 -> "IMG_%04d".formatted(rnd.nextInt(10_000));
            case 1 -> "DSC%05d".formatted(rnd.nextInt(100_000));
            default -> "_MG_%04d".formatted(rnd.nextInt(10_000));
        };
    }

    private Set<String> readers(User owner) {
        String own = "user:" + owner.id();
        if (rnd.nextDouble() < RESTRICTED_SHARE) {
            return Set.of(own, library.groups().get(rnd.nextInt(library.groups().size())));
        }
        return Set.of(VIEWER, own);
    }

    private String words(int n, String separator) {
        String[] chosen = new String[n];
        for (int i = 0; i < n; i++) {
            chosen[i] = WORDS[words.sample(rnd)];
        }
        return String.join(separator, chosen);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A version 7 UUID for the given time, as the application makes its ids. */
    static UUID uuid(SplittableRandom rnd, long epochMillis) {
        long msb = (epochMillis << 16) | 0x7000L | (rnd.nextLong() & 0x0FFFL);
        long lsb = (rnd.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    static double[] cumulative(double[] weights) {
        double[] sums = new double[weights.length];
        double total = Arrays.stream(weights).sum();
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i];
            sums[i] = running / total;
        }
        return sums;
    }

    static int pick(double[] cumulative, double u) {
        int at = Arrays.binarySearch(cumulative, u);
        return Math.min(at >= 0 ? at : -at - 1, cumulative.length - 1);
    }

    /** Ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = 1 / Math.pow(i + 1, s);
            }
            this.cumulative = SyntheticAssets.cumulative(weights);
        }

        int sample(SplittableRandom rnd) {
            return pick(cumulative, rnd.nextDouble());
        }
    }
}
