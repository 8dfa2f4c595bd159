package dev.authfeedback.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority made at test time, and a server certificate it signed for
 * {@code 127.0.0.1} and {@code localhost}, as PEM files: what a TLS listener and its clients
 * need. Made with the JDK's own keytool, so no other tool is needed.
 *
 * @param caCertificate     the authority's certificate (PEM): what clients trust, e.g. the AWS CLI's {@code --ca-bundle}
 * @param serverCertificate the server's certificate chain (PEM)
 * @param serverPrivateKey  the server's private key (PKCS#8 PEM)
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverPrivateKey) {

    private static final String PASSWORD = "test-only";

    /** Makes the authority and the server's certificate in {@code dir}. */
    public static TestCertificates create(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path caStore = dir.resolve("ca.p12");
        Path serverStore = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", caStore.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", serverStore.toString());
        Path request = dir.resolve("server.csr");
        keytool("-certreq", "-alias", "server", "-keystore", serverStore.toString(), "-file", request.toString());
        Path signed = dir.resolve("server-signed.pem");
        keytool("-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-infile", request.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "2", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-ext", "eku=serverAuth");
        Path caPem = dir.resolve("ca.pem");
        keytool("-exportcert", "-alias", "ca", "-keystore", caStore.toString(), "-rfc", "-file", caPem.toString());

        Path chain = dir.resolve("server-chain.pem");
        Files.writeString(chain, Files.readString(signed) + Files.readString(caPem));
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            server.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) server.getKey("server", PASSWORD.toCharArray());
        Path keyPem = dir.resolve("server-key.pem");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new TestCertificates(caPem, chain, keyPem);
    }

    /** Trust managers that trust the authority alone: for a client of the server. */
    public TrustManager[] trustManagers() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        List<X509Certificate> authorities = new ArrayList<>();
        try (InputStream in = Files.newInputStream(caCertificate)) {
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(certificate -> authorities.add((X509Certificate) certificate));
        }
        for (int i = 0; i < authorities.size(); i++) {
            trusted.setCertificateEntry("ca-" + i, authorities.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory.getTrustManagers();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-noprompt", "-storetype", "PKCS12", "-storepass", PASSWORD));
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
