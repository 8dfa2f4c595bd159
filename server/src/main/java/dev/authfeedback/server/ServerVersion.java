package dev.authfeedback.server;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the release the jar's manifest names, and the Java that runs it. */
public final class ServerVersion implements IVersionProvider {

    /** The server's version, from its jar's manifest; "unknown" when it runs from loose classes. */
    static String version() {
        String version = AuthFeedbackServer.class.getPackage().getImplementationVersion();
        return version == null ? "unknown (not run from its jar)" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"authfeedback-server " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
