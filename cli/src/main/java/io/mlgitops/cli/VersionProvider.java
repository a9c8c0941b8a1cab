package io.mlgitops.cli;

import picocli.CommandLine;

/** The version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"mlgitops " + (version == null ? "(development build)" : version)};
    }
}
