package fr.opendmp.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.psc.PsIdentity;
import fr.opendmp.auth.psc.PscClient;
import fr.opendmp.auth.psc.PscConfiguration;
import fr.opendmp.auth.psc.PscException;
import fr.opendmp.auth.psc.PscTokens;
import fr.opendmp.auth.psc.TokenExchangeClient;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.error.ServerErrorException;
import fr.opendmp.core.error.TransportException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.ins.InsIdentity;
import fr.opendmp.core.insi.InsiClient;
import fr.opendmp.core.insi.InsiResult;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.insi.FakeInsi;
import fr.opendmp.testkit.insi.FakeInsiPopulation;
import fr.opendmp.testkit.psc.FakeApiAuthorizationServer;
import fr.opendmp.testkit.psc.FakeProSanteConnect;
import fr.opendmp.testkit.psc.SeededProfessional;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault proxy of {@link ProxyFaultsTest} in front of the INSi client (SOAP over mTLS, against
 * the fake INSi) and the Pro Santé Connect clients ({@link PscClient} against the fake realm over
 * plain loopback HTTP, {@link TokenExchangeClient} against the fake API authorization server over
 * mTLS). Every call ends in the right answer after the SDK's retry, or in a typed
 * {@link DmpException} whose {@code retryable()} is the one retry rule's ({@link NetFault}), within
 * the bound its timeouts give; a token POST, not idempotent, is sent once whatever happens.
 */
class InsiAndPscProxyFaultsTest {
    static final Duration CONNECT = Duration.ofMillis(250);
    static final Duration REQUEST = Duration.ofMillis(700);
    static final int ATTEMPTS = 3;
    /** The longest waits between three attempts: 200 ms then 400 ms (INSi's policy and the OAuth default). */
    static final Duration BACKOFFS = Duration.ofMillis(600);
    /** What a loaded 2-core machine may add to a call beyond its timeouts. */
    static final Duration SLACK = Duration.ofMillis(1500);
    static final Duration RETRIED_BOUND = REQUEST.multipliedBy(ATTEMPTS).plus(BACKOFFS).plus(SLACK);
    static final Duration SINGLE_BOUND = REQUEST.plus(SLACK);
    static final String INSI_MARKER = "POST /insi";
    static final String REALM = FakeProSanteConnect.REALM_PATH + "/protocol/openid-connect";
    static final String TOKEN_MARKER = "POST " + REALM + "/token";
    static final String USERINFO_MARKER = "GET " + REALM + "/userinfo";
    static final String EXCHANGE_MARKER = "POST " + FakeApiAuthorizationServer.TOKEN_PATH;
    static final String DOCTOR = "899700366240";

    static FakeInsi insi;
    static InsIdentity withHistory;
    static FakeProSanteConnect psc;
    static FakeApiAuthorizationServer apiAuthorization;
    static SignedTestCredentials tls;
    final List<String> report = new ArrayList<>();

    @BeforeAll
    static void start() {
        insi = FakeInsi.builder().start();
        tls = insi.tls().orElseThrow();
        psc = FakeProSanteConnect.builder().client("opendmp-lps", "client-secret")
                .professional(SeededProfessional.generalPractitioner(DOCTOR, "Paul", "TEST")).start();
        apiAuthorization = FakeApiAuthorizationServer.builder().proSanteConnect(psc).tls(tls).start();
        try (InsiClient direct = insiClient(insi.baseUri(), 0)) {
            withHistory = ((InsiResult.Found) direct.searchByTraits(FakeInsiPopulation.MATRICULE_HISTORY.traits()))
                    .identity();
        }
        assertThat(withHistory.history()).as("the reference identity has a former matricule to lose").isNotEmpty();
    }

    @AfterAll
    static void stop() {
        apiAuthorization.close();
        psc.close();
        insi.close();
    }

    static InsiClient insiClient(URI endpoint, int retries) {
        return InsiClient.builder().endpoint(endpoint).credentials(insi.credentials())
                .software("OpenDMP-faults", "0.1", "TEST-AUTH-42").emitter("structure-test").maxRetries(retries)
                .connectTimeout(CONNECT).requestTimeout(REQUEST).build();
    }

    // ---------------------------------------------------------------- INSi

    @Test
    void everyProxyFaultOnAnInsiSearchEndsInTheFullIdentityAfterTheRetryOrARetryableTypedError() throws Exception {
        try (FaultProxy proxy = FaultProxy.tls(port(insi.baseUri()), tls.serverSslContext(),
                insi.sslContext().orElseThrow());
                InsiClient retrying = insiClient(proxy.in(insi.baseUri()), ATTEMPTS - 1);
                InsiClient once = insiClient(proxy.in(insi.baseUri()), 0)) {
            for (NetFault fault : NetFault.values()) {
                fault.queue(proxy, INSI_MARKER);
                InsiResult r = timed("INSi search, " + fault + ", retried", RETRIED_BOUND,
                        () -> retrying.searchByTraits(FakeInsiPopulation.MATRICULE_HISTORY.traits()));
                assertThat(r).isInstanceOfSatisfying(InsiResult.Found.class,
                        f -> assertThat(f.identity()).isEqualTo(withHistory));
                assertThat(proxy.pending()).as("%s was applied", fault).isZero();
                proxy.clear();

                fault.queue(proxy, INSI_MARKER);
                DmpException e = failure("INSi search, " + fault + ", no retry", SINGLE_BOUND, fault.blackHole(),
                        () -> once.searchByTraits(FakeInsiPopulation.MATRICULE_HISTORY.traits()));
                assertThat(e.retryable()).as("%s on an idempotent search", fault).isEqualTo(fault.retryable(true));
                assertThat(e).as("%s", fault).isInstanceOf(fault.status() == 0 ? TransportException.class
                        : fault.retryable(false) ? UnavailableException.class : ServerErrorException.class);
                proxy.clear();
            }
        }
        print("INSi faults");
    }

    @Test
    void anInsiIdentityAnswerCutAnywhereIsTheFullIdentityOrAnErrorNeverPartOfIt() throws Exception {
        List<Integer> found = new ArrayList<>();
        int malformed = 0;
        int cutOff = 0;
        int length;
        try (FaultProxy proxy = FaultProxy.tls(port(insi.baseUri()), tls.serverSslContext(),
                insi.sslContext().orElseThrow());
                InsiClient once = insiClient(proxy.in(insi.baseUri()), 0)) {
            proxy.next(FaultProxy.Cut.Kind.UNFRAMED_BODY_CUT, Integer.MAX_VALUE, INSI_MARKER);
            assertThat(search(once)).as("the whole answer, unframed").contains(withHistory);
            length = (int) proxy.lastContentLength();
            assertThat(length).isGreaterThan(500);
            List<Integer> cuts = new ArrayList<>();
            for (int at = 0; at < length - 16; at += Math.max(1, length / 24)) {
                cuts.add(at);
            }
            for (int at = length - 16; at <= length; at++) {
                cuts.add(at);
            }
            for (int at : cuts) {
                // unframed, closed cleanly: the client reads the cut body as the whole answer
                proxy.next(FaultProxy.Cut.Kind.UNFRAMED_BODY_CUT, at, INSI_MARKER);
                Optional<InsIdentity> identity;
                try {
                    identity = search(once);
                } catch (MalformedResponseException e) {
                    assertThat(e.retryable()).as("a cut answer read as whole is malformed, not retryable").isFalse();
                    malformed++;
                    continue;
                }
                assertThat(identity).as("cut after %d of %d bytes", at, length).contains(withHistory);
                found.add(at);
            }
            // framed (Content-Length), cut with a FIN: the client sees the answer end early
            int head = proxy.lastHeadLength();
            for (int at = 1; at < length; at += length / 4) {
                proxy.next(FaultProxy.Cut.Kind.TRUNCATE_ANSWER, head + at, INSI_MARKER);
                DmpException e = failure("INSi answer, framed, cut at " + at, SINGLE_BOUND, false, () -> search(once));
                assertThat(e).isInstanceOf(TransportException.class);
                assertThat(e.retryable()).isTrue();
                cutOff++;
                proxy.clear();
            }
        }
        assertThat(found).as("only the whole answer (or all but its trailing white space) is read as the identity")
                .allSatisfy(at -> assertThat(at).isGreaterThanOrEqualTo(length - 2)).contains(length);
        report.add(String.format("%d unframed cuts: %d malformed, the full identity at %s of %d bytes; %d framed"
                + " cuts: retryable transport errors", malformed + found.size(), malformed, found, length, cutOff));
        print("INSi cut answers");
    }

    private static Optional<InsIdentity> search(InsiClient client) {
        InsiResult r = client.searchByTraits(FakeInsiPopulation.MATRICULE_HISTORY.traits());
        return r instanceof InsiResult.Found f ? Optional.of(f.identity()) : Optional.empty();
    }

    @Test
    void everyAttemptOfAnInsiSearchBlackHoledIsARetryableTransportErrorAfterTheLastReadTimeout() throws Exception {
        try (FaultProxy proxy = FaultProxy.tls(port(insi.baseUri()), tls.serverSslContext(),
                insi.sslContext().orElseThrow());
                InsiClient retrying = insiClient(proxy.in(insi.baseUri()), ATTEMPTS - 1)) {
            for (int i = 0; i < ATTEMPTS; i++) {
                proxy.next(FaultProxy.Cut.Kind.BLACK_HOLE_ANSWER, 0, INSI_MARKER);
            }
            long t0 = System.nanoTime();
            DmpException e = failure("INSi search, every attempt black-holed", RETRIED_BOUND, true,
                    () -> retrying.searchByTraits(FakeInsiPopulation.MATRICULE_HISTORY.traits()));
            assertThat(e).isInstanceOf(TransportException.class);
            assertThat(e.retryable()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("three read timeouts")
                    .isGreaterThanOrEqualTo(REQUEST.multipliedBy(ATTEMPTS));
            assertThat(proxy.pending()).isZero();
        }
        print("INSi black hole");
    }

    @Test
    void aRefusedOrStalledConnectToInsiIsARetryableTransportErrorWithinTheConnectTimeouts() throws Exception {
        try (InsiClient refused = insiClient(withPort(insi.baseUri(), DeadPorts.refusing()), ATTEMPTS - 1)) {
            DmpException e = failure("INSi search, nothing listening", RETRIED_BOUND, false,
                    () -> refused.searchByTraits(FakeInsiPopulation.MATRICULE_HISTORY.traits()));
            assertThat(e).isInstanceOf(TransportException.class);
            assertThat(e.retryable()).isTrue();
        }
        try (DeadPorts.Stalled stalled = new DeadPorts.Stalled();
                InsiClient client = insiClient(withPort(insi.baseUri(), stalled.port()), ATTEMPTS - 1)) {
            long t0 = System.nanoTime();
            DmpException e = failure("INSi search, connect stalled", RETRIED_BOUND, false,
                    () -> client.searchByTraits(FakeInsiPopulation.MATRICULE_HISTORY.traits()));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(e).isInstanceOf(TransportException.class);
            assertThat(e.retryable()).isTrue();
            assertThat(took).as("each attempt waited its connect timeout, not its request timeout")
                    .isGreaterThanOrEqualTo(CONNECT.multipliedBy(ATTEMPTS))
                    .isLessThan(REQUEST.multipliedBy(ATTEMPTS));
        }
        print("INSi connects");
    }

    // ---------------------------------------------------------------- Pro Santé Connect

    static PscClient pscClient(URI base) {
        String realm = base + REALM;
        PscConfiguration endpoints = new PscConfiguration(psc.issuer(), URI.create(realm + "/auth"),
                URI.create(realm + "/token"), URI.create(realm + "/userinfo"), URI.create(realm + "/certs"),
                Optional.of(URI.create(realm + "/ext/ciba/auth")));
        return PscClient.builder().issuer(psc.issuer()).clientId("opendmp-lps").clientSecret("client-secret")
                .timeout(REQUEST).configuration(endpoints).build();
    }

    static URI origin(URI u) {
        return URI.create(u.getScheme() + "://" + u.getHost() + ":" + u.getPort());
    }

    static PscTokens login(PscClient client) throws InterruptedException {
        return client.awaitCiba(client.startCiba(DOCTOR, "A1B2"), d -> { });
    }

    @Test
    void everyProxyFaultOnAUserinfoReadEndsInTheIdentityAfterTheRetry() throws Exception {
        try (FaultProxy proxy = FaultProxy.plain(port(psc.issuer()))) {
            PscClient client = pscClient(proxy.in(origin(psc.issuer())));
            PscTokens tokens = login(client);
            for (NetFault fault : NetFault.values()) {
                fault.queue(proxy, USERINFO_MARKER);
                PsIdentity who = timed("userinfo, " + fault, RETRIED_BOUND, () -> client.userinfo(tokens));
                assertThat(who.nationalId()).isEqualTo(DOCTOR);
                assertThat(proxy.pending()).as("%s was applied", fault).isZero();
                proxy.clear();
            }
        }
        print("PSC userinfo");
    }

    @Test
    void aRefreshUnderEveryProxyFaultIsSentOnceAndIsRetryableOnlyWhenPscCannotHaveHandledIt() throws Exception {
        try (FaultProxy proxy = FaultProxy.plain(port(psc.issuer()))) {
            PscClient client = pscClient(proxy.in(origin(psc.issuer())));
            for (NetFault fault : NetFault.values()) {
                PscTokens tokens = login(client);
                proxy.clear();
                int handledBefore = psc.tokenRequests();
                int sentBefore = proxy.exchanges(TOKEN_MARKER);
                fault.queue(proxy, TOKEN_MARKER);
                DmpException e = failure("refresh, " + fault, SINGLE_BOUND, fault.blackHole(),
                        () -> client.refresh(tokens));
                assertThat(e).isInstanceOf(PscException.class);
                assertThat(e.retryable()).as("%s on a token POST", fault).isEqualTo(fault.retryable(false));
                assertThat(proxy.exchanges(TOKEN_MARKER) - sentBefore).as("%s: sent once, never again", fault)
                        .isEqualTo(fault.exchangesSeen());
                assertThat(psc.tokenRequests() - handledBefore).as("%s: handled by PSC", fault)
                        .isEqualTo(fault.handled ? 1 : 0);
                proxy.clear();
                // the caller's own resend: fine when PSC never had it; refused when PSC used the refresh
                // token before the answer was lost, which is why the SDK never resends a token POST
                if (fault.handled) {
                    DmpException again = failure("refresh sent again after " + fault, SINGLE_BOUND, false,
                            () -> client.refresh(tokens));
                    assertThat(((PscException) again).error()).contains("invalid_grant");
                } else {
                    assertThat(timed("refresh sent again after " + fault, SINGLE_BOUND,
                            () -> client.refresh(tokens)).accessToken()).isNotEmpty();
                }
            }
        }
        print("PSC refresh");
    }

    @Test
    void aTokenExchangeUnderEveryProxyFaultIsSentOnceAndIsRetryableOnlyWhenTheServerCannotHaveHandledIt()
            throws Exception {
        PscTokens tokens = login(pscClient(origin(psc.issuer())));
        try (FaultProxy proxy = FaultProxy.tls(port(apiAuthorization.tokenEndpoint()), tls.serverSslContext(),
                tls.clientSslContext())) {
            TokenExchangeClient client = TokenExchangeClient.builder()
                    .tokenEndpoint(proxy.in(apiAuthorization.tokenEndpoint())).sslContext(tls.clientSslContext())
                    .subjectIssuer("psc").scope("dmp").timeout(REQUEST).build();
            timed("token exchange, no fault", SINGLE_BOUND, () -> client.exchange(tokens.accessToken()));
            for (NetFault fault : NetFault.values()) {
                int grantedBefore = apiAuthorization.grantedExchanges();
                int sentBefore = proxy.exchanges(EXCHANGE_MARKER);
                fault.queue(proxy, EXCHANGE_MARKER);
                DmpException e = failure("token exchange, " + fault, SINGLE_BOUND, fault.blackHole(),
                        () -> client.exchange(tokens.accessToken()));
                assertThat(e).isInstanceOf(PscException.class);
                assertThat(e.retryable()).as("%s on a token POST", fault).isEqualTo(fault.retryable(false));
                assertThat(proxy.exchanges(EXCHANGE_MARKER) - sentBefore).as("%s: sent once, never again", fault)
                        .isEqualTo(fault.exchangesSeen());
                assertThat(apiAuthorization.grantedExchanges() - grantedBefore).as("%s: granted", fault)
                        .isEqualTo(fault.handled ? 1 : 0);
                proxy.clear();
            }
        }
        print("token exchange");
    }

    @Test
    void aRefusedOrStalledConnectToAnOAuthServerIsRetryableForTheGetAndForTheTokenPosts() throws Exception {
        PscTokens tokens = login(pscClient(origin(psc.issuer())));
        PscClient refused = pscClient(withPort(origin(psc.issuer()), DeadPorts.refusing()));
        DmpException get = failure("userinfo, nothing listening", RETRIED_BOUND, false, () -> refused.userinfo(tokens));
        assertThat(get.retryable()).as("userinfo, nothing listening").isTrue();
        try (DeadPorts.Stalled stalled = new DeadPorts.Stalled()) {
            for (int port : new int[] {DeadPorts.refusing(), stalled.port()}) {
                boolean stalls = port == stalled.port();
                String what = stalls ? "connect stalled" : "nothing listening";
                PscClient client = pscClient(withPort(origin(psc.issuer()), port));
                DmpException post = failure("refresh, " + what, SINGLE_BOUND, stalls, () -> client.refresh(tokens));
                assertThat(post.retryable()).as("refresh, %s: nothing was sent", what).isTrue();
                TokenExchangeClient exchange = TokenExchangeClient.builder()
                        .tokenEndpoint(withPort(apiAuthorization.tokenEndpoint(), port))
                        .sslContext(tls.clientSslContext()).scope("dmp").timeout(REQUEST).build();
                DmpException exchanged = failure("token exchange, " + what, SINGLE_BOUND, stalls,
                        () -> exchange.exchange(tokens.accessToken()));
                assertThat(exchanged.retryable()).as("token exchange, %s: nothing was sent", what).isTrue();
            }
        }
        print("OAuth connects");
    }

    // ---------------------------------------------------------------- helpers

    static int port(URI u) {
        return u.getPort();
    }

    static URI withPort(URI u, int port) {
        return URI.create(u.getScheme() + "://" + u.getHost() + ":" + port + u.getRawPath());
    }

    /** Runs a call that must succeed within {@code bound}. */
    <T> T timed(String name, Duration bound, Supplier<T> call) {
        long t0 = System.nanoTime();
        T result = call.get();
        note(name, t0, bound, "ok");
        return result;
    }

    /**
     * Runs a call that must fail with a typed {@link DmpException} within {@code bound} (and, for a
     * black hole, not before one read timeout); anything else thrown fails the test.
     */
    DmpException failure(String name, Duration bound, boolean blackHole, Supplier<?> call) {
        long t0 = System.nanoTime();
        Object result;
        try {
            result = call.get();
        } catch (DmpException e) {
            long ms = note(name, t0, bound, e.getClass().getSimpleName() + (e.retryable() ? " (retryable)" : " (final)"));
            if (blackHole) {
                assertThat(Duration.ofMillis(ms)).as("%s: ended by the read timeout", name)
                        .isGreaterThanOrEqualTo(REQUEST.minusMillis(20));
            }
            return e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(name + ": not a typed DmpException", e);
        }
        throw new AssertionError(name + ": a typed error was expected, the call returned a "
                + result.getClass().getSimpleName());
    }

    private long note(String name, long t0, Duration bound, String outcome) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        report.add(name + " -> " + outcome + " in " + ms + " ms");
        assertThat(Duration.ofMillis(ms)).as("%s: never past its timeouts", name).isLessThan(bound);
        return ms;
    }

    void print(String what) {
        System.out.printf("InsiAndPscProxyFaultsTest %s: %d calls (bounds: retried %d ms, single %d ms)%n  %s%n",
                what, report.size(), RETRIED_BOUND.toMillis(), SINGLE_BOUND.toMillis(), String.join("\n  ", report));
    }
}
