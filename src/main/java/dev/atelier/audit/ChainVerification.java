package dev.atelier.audit;

import java.util.Optional;

/** The result of re-computing the chain: how many records were checked and the first that does not fit. */
public record ChainVerification(long checked, Optional<Long> firstBrokenSeq) {

    public boolean intact() {
        return firstBrokenSeq.isEmpty();
    }
}
