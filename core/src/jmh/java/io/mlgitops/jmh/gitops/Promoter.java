package io.mlgitops.jmh.gitops;

/** One way of making promotions: JGit through the engine, or the git command line. */
interface Promoter extends AutoCloseable {
    /** Prepares one writer (a clone, a warm cache), untimed. */
    void prepare(int writer) throws Exception;

    /**
     * Edits, commits and pushes one promotion, retrying as the tool does.
     *
     * @return the push attempts it took
     */
    int promote(int writer, TagEdit edit, String promotionId) throws Exception;

    @Override
    void close();
}
