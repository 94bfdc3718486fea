package dev.atelier.media.internal;

import dev.atelier.media.internal.TextFrames.TextRequest;
import dev.atelier.media.internal.TextFrames.TextResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Worker side of text extraction: Apache Tika with a closed set of parsers chosen by the sniffed
 * media type (as ffmpeg gets {@code -f}), never Tika's auto-detected full set. None of these
 * parsers runs an external tool (no OCR, no ffmpeg, no GDAL) or fetches anything; embedded
 * documents (a sheet inside a document, attachments in a PDF) are parsed by the same set, up to
 * {@link #MAX_EMBEDDED}, and all text counts towards one character limit.
 */
final class DocumentTextParser {

    static final int MAX_EMBEDDED = 100;

    private static final Parser PDF = new PDFParser();
    private static final Parser OLE2 = new OfficeParser();
    private static final Parser OOXML = new OOXMLParser();
    private static final Parser ODF = new OpenDocumentParser();
    private static final Parser RTF = new RTFParser();
    private static final Parser CSV = new TextAndCSVParser();
    private static final Parser TEXT = new TXTParser();
    /** Embedded documents carry no sniffed type: detected inside the worker, parsed by the same set. */
    private static final Parser EMBEDDED = new AutoDetectParser(new DefaultDetector(), PDF, OLE2, OOXML, ODF, RTF, CSV, TEXT);

    private DocumentTextParser() {
    }

    private static Parser parserFor(TextTypes type) {
        return switch (type) {
            case PDF -> PDF;
            case OOXML -> OOXML;
            case OLE2 -> OLE2;
            case ODF -> ODF;
            case RTF -> RTF;
            case CSV -> CSV;
            case TEXT -> TEXT;
        };
    }

    static TextResponse extract(TextRequest request) {
        Optional<Parser> parser = TextTypes.of(request.mediaType()).map(DocumentTextParser::parserFor);
        if (parser.isEmpty()) {
            return TextResponse.refused("unsupported", "no text is read from this type (" + request.mediaType() + ")");
        }
        var handler = new BodyContentHandler(request.maxChars());
        Metadata metadata = new Metadata();
        // the sniffed type decides, so the text parser does not guess another charset-free format
        metadata.set(Metadata.CONTENT_TYPE, request.mediaType());
        try (InputStream in = TikaInputStream.get(Path.of(request.input()), metadata)) {
            parser.get().parse(in, handler, metadata, context());
            return TextResponse.ok(TextCleanup.clean(handler.toString(), request.maxChars()), false);
        } catch (SAXException | TikaException | IOException | RuntimeException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return TextResponse.ok(TextCleanup.clean(handler.toString(), request.maxChars()), true);
            }
            return TextResponse.refused("failed", reason(e));
        }
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        context.set(Parser.class, EMBEDDED);
        context.set(EmbeddedDocumentExtractor.class, new LimitedEmbeddedDocuments(context, MAX_EMBEDDED));
        return context;
    }

    /** What a person can act on, without the parser's stack of causes. */
    static String reason(Throwable e) {
        if (e instanceof EncryptedDocumentException || e.getCause() instanceof EncryptedDocumentException) {
            return "the document is encrypted (password protected); its text cannot be read";
        }
        if (e instanceof ZeroByteFileException) {
            return "the file is empty";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "the file could not be read as a document (it may be damaged): " + abbreviate(message, 300);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
