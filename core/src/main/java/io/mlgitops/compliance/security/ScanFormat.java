package io.mlgitops.compliance.security;

import com.fasterxml.jackson.core.JsonParser;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;

/**
 * One scanner's JSON report format. The reader offers it each top-level field of a report; it reads the fields it
 * knows (streaming its list of findings to a sink) and says at the end whether they identify the format.
 */
interface ScanFormat {
    /** The scanner's name, e.g. {@code trivy}. */
    String scanner();

    /**
     * Reads the value the parser is on when {@code field} belongs to this format.
     *
     * @return false, having read nothing, when the field is not this format's
     */
    boolean read(String field, JsonParser parser) throws IOException, InputException;

    /** Whether the fields read identify this format. */
    boolean recognised();

    /** What was scanned: the image, folder or file the report names; empty when unknown. */
    String artifact();

    /** The scanner version the report names; empty when unknown. */
    String scannerVersion();
}
