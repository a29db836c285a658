package fr.opendmp.testkit.internal;

import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.ca.TestCa;
import java.time.Clock;
import javax.net.ssl.SSLContext;

/**
 * The one test PKI of a JVM: a {@link TestCa} named "OpenDMP TEST IGC Santé", the default
 * {@link SignedTestCredentials} issued by it and their TLS contexts, created lazily on first use
 * and then reused by every fake (key generation is slow). A cache of immutable values: nothing here
 * is ever revoked or changed (a test that revokes certificates must create its own {@code TestCa}).
 * Thread-safe (initialisation-on-demand holder).
 */
public final class SharedTestPki {

    private SharedTestPki() {
    }

    private static final class Holder {
        static final TestCa CA = TestCa.create("OpenDMP TEST IGC Santé");
        static final SignedTestCredentials CREDENTIALS = SignedTestCredentials.create(CA, Clock.systemUTC());
        static final SSLContext SERVER = CREDENTIALS.serverSslContext();
        static final SSLContext CLIENT = CREDENTIALS.clientSslContext();
    }

    /** @return the shared test CA (never revoke anything with it) */
    public static TestCa ca() {
        return Holder.CA;
    }

    /** @return the shared default credentials (structure {@value SignedTestCredentials#STRUCTURE_ID}, system clock) */
    public static SignedTestCredentials credentials() {
        return Holder.CREDENTIALS;
    }

    /** @return the server TLS context of the shared credentials (localhost, 127.0.0.1; client certificates trusted from the CA) */
    public static SSLContext serverSslContext() {
        return Holder.SERVER;
    }

    /** @return the client TLS context of the shared credentials (structure AUTH_CLI, trusting the CA) */
    public static SSLContext clientSslContext() {
        return Holder.CLIENT;
    }
}
