package fr.opendmp.core.outbox;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.ins.IdentityNotQualifiedException;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.outbox.internal.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every document until it can be deposited, then deposits it exactly once, at a rate the DMP
 * accepts (issue 19).
 *
 * <pre>{@code
 * try (DepositOutbox outbox = DepositOutbox.builder()
 *         .store(JdbcOutboxStore.h2(Path.of("/var/lib/dpi/outbox")))
 *         .sender(OutboxSender.of(dmp, caller))
 *         .listener(outcome -> audit(outcome))
 *         .build()) {
 *     outbox.start();
 *     outbox.enqueue(OutboxRequest.builder().localPatientId("IPP-42").patient(provisional)
 *             .document(metadata, bytes).build());           // kept, WAITING_QUALIFICATION
 *     outbox.identityQualified("IPP-42", qualified);          // READY: the worker deposits it
 * }
 * }</pre>
 *
 * <p><b>Exactly once.</b> An item's uniqueId never changes; the worker holds an item under a lease
 * while it sends it, counts the attempt before sending and writes the outcome after; the content
 * is final (rendered and stored) before the first send. A worker that dies mid-send leaves a lease
 * that ends: the item is sent again, and the deposit's idempotency (uniqueId + content hash, see
 * {@link fr.opendmp.core.client.DmpDocuments#deposit}) answers with the stored document instead of a
 * second copy ({@link OutboxOutcome#recovered()}).
 *
 * <p><b>What is ready.</b> An item is sent when its identity is QUALIFIEE, its time has come (backoff
 * after a retryable failure, the service's Retry-After, a wait for authorization) and the rate
 * limit of its structure lets it (default 4 per second, under the 5 per second of the DMP's
 * guidance). Every outcome goes to the listener: SENT, REFUSED (with the DMP's reason),
 * WAITING_QUALIFICATION, WAITING_AUTHORIZATION, RETRY_SCHEDULED, CANCELLED.
 *
 * <p>Thread-safe. {@link #start()} runs a worker thread; {@link #drainOnce()} does one pass in the
 * caller's thread (tests). {@link #close()} stops the worker and closes the store.
 */
public final class DepositOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DepositOutbox.class);
    private static final Set<OutboxState> PENDING = EnumSet.of(OutboxState.WAITING_QUALIFICATION, OutboxState.READY,
            OutboxState.RETRY_SCHEDULED, OutboxState.WAITING_AUTHORIZATION);
    private static final int CAS_TRIES = 20;

    private final OutboxStore store;
    private final OutboxSender sender;
    private final Clock clock;
    private final RateLimiter rate;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final Duration authorizationRetry;
    private final Duration lease;
    private final Duration pollInterval;
    private final OutboxListener listener;
    private final String defaultStructureId;
    private final Map<String, DocumentRenderer> renderers;
    private final String owner = UUID.randomUUID().toString();
    private final Object wake = new Object();
    private Thread worker;
    private volatile Thread workerThread;
    private volatile boolean running;
    private boolean closed;

    private DepositOutbox(Builder b) {
        this.store = b.store;
        this.sender = b.sender;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.rate = new RateLimiter(b.ratePerSecond != null ? b.ratePerSecond : 4.0);
        this.backoffBase = b.backoffBase != null ? b.backoffBase : Duration.ofSeconds(2);
        this.backoffMax = b.backoffMax != null ? b.backoffMax : Duration.ofMinutes(15);
        this.authorizationRetry = b.authorizationRetry != null ? b.authorizationRetry : Duration.ofHours(1);
        this.lease = b.lease != null ? b.lease : Duration.ofMinutes(5);
        this.pollInterval = b.pollInterval != null ? b.pollInterval : Duration.ofSeconds(1);
        this.listener = b.listener != null ? b.listener : OutboxListener.none();
        this.defaultStructureId = b.structureId != null ? b.structureId : "default";
        this.renderers = Map.copyOf(b.renderers);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------------------------------------
    // Queueing and identity events

    /**
     * Stores the document, its metadata and the patient's identity durably (also when the identity
     * is not QUALIFIEE yet). Queueing the same uniqueId again with the same content returns the
     * item already queued.
     *
     * @param request what to queue
     * @return the stored item: READY when the identity is qualified, else WAITING_QUALIFICATION
     * @throws InvalidInputException if the request names a renderer this outbox does not have
     * @throws OutboxException if the uniqueId was queued with other content, or the store failed
     */
    public OutboxItem enqueue(OutboxRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.renderer().isPresent() && !renderers.containsKey(request.renderer().get())) {
            throw new InvalidInputException("no renderer named " + request.renderer().get() + " in this outbox",
                    "register it with DepositOutbox.builder().renderer(name, renderer)");
        }
        Instant now = clock.instant();
        boolean qualified = request.patient().status().isQualified();
        OutboxItem item = new OutboxItem(request.metadata().uniqueId(),
                request.structureId().orElse(defaultStructureId), request.localPatientId(),
                qualified ? OutboxState.READY : OutboxState.WAITING_QUALIFICATION,
                qualified ? Optional.empty() : Optional.of("IDENTITY_NOT_QUALIFIED"), Optional.empty(),
                request.patient(), request.metadata(), request.content(), request.renderer(),
                request.renderer().isEmpty(), 0, now, now, now, Optional.empty(), Optional.empty(), Optional.empty(),
                0L);
        OutboxItem stored = store.insert(item);
        LOG.debug("outbox: queued {} ({})", stored.uniqueId(), stored.state());
        if (stored.version() == 0 && stored.state() == OutboxState.WAITING_QUALIFICATION) {
            report(stored, Optional.empty());
        }
        wakeWorker();
        return stored;
    }

    /**
     * The patient's identity reached QUALIFIEE: the patient's pending documents get it (and the INS),
     * and become ready. A document with a renderer is made with it before its first send.
     *
     * @param localPatientId the patient's local id
     * @param identity the QUALIFIEE identity
     * @return the items now ready
     * @throws InvalidInputException if the identity is not QUALIFIEE
     */
    public List<OutboxItem> identityQualified(String localPatientId, PatientIdentity identity) {
        Objects.requireNonNull(localPatientId, "localPatientId");
        Objects.requireNonNull(identity, "identity");
        if (!identity.status().isQualified()) {
            throw new InvalidInputException("identity is " + identity.status().code() + ", not QUALIFIEE",
                    "qualify it first (INSi retrieval and an identity document checked)");
        }
        List<OutboxItem> ready = new ArrayList<>();
        for (OutboxItem item : store.byPatient(localPatientId)) {
            if (item.state() != OutboxState.WAITING_QUALIFICATION
                    && !(item.state().sendable() && !item.rendered())) {
                continue;
            }
            changeUnleased(item.uniqueId(), i -> i.state() == OutboxState.WAITING_QUALIFICATION
                    || (i.state().sendable() && !i.rendered())
                    ? i.withPatient(identity).with(OutboxState.READY, Optional.empty(), Optional.empty(), clock.instant())
                            .withNextAttempt(clock.instant())
                    : null).ifPresent(ready::add);
        }
        wakeWorker();
        return ready;
    }

    /**
     * Cancels every pending document of a patient (merge, identity found wrong), keeping the reason.
     *
     * @param localPatientId the patient's local id
     * @param reason why
     * @param note a note for the operators (never health data)
     * @return the items cancelled (an item being sent at this moment is not: see its outcome)
     */
    public List<OutboxItem> cancelPatient(String localPatientId, CancelReason reason, String note) {
        Objects.requireNonNull(localPatientId, "localPatientId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(note, "note");
        List<OutboxItem> cancelled = new ArrayList<>();
        for (OutboxItem item : store.byPatient(localPatientId)) {
            if (!item.state().terminal()) {
                cancelOne(item.uniqueId(), reason, note).ifPresent(cancelled::add);
            }
        }
        return cancelled;
    }

    /**
     * The patient authorised the structure: the patient's documents waiting for authorization are tried now.
     *
     * @param localPatientId the patient's local id
     * @return the items made due now
     */
    public List<OutboxItem> authorizationGranted(String localPatientId) {
        List<OutboxItem> due = new ArrayList<>();
        for (OutboxItem item : store.byPatient(Objects.requireNonNull(localPatientId, "localPatientId"))) {
            if (item.state() == OutboxState.WAITING_AUTHORIZATION) {
                retryNow(item.uniqueId()).ifPresent(due::add);
            }
        }
        return due;
    }

    // ---------------------------------------------------------------------------------------------
    // Operations

    /** @return the items not yet sent, refused or cancelled, oldest first (each says why it waits) */
    public List<OutboxItem> pending() {
        return store.list(PENDING);
    }

    /**
     * @param states the states
     * @return the items in these states, oldest first
     */
    public List<OutboxItem> list(Set<OutboxState> states) {
        return store.list(EnumSet.copyOf(Objects.requireNonNull(states, "states")));
    }

    /**
     * @param uniqueId the unique id
     * @return the item queued under this uniqueId
     */
    public Optional<OutboxItem> find(String uniqueId) {
        return store.find(Objects.requireNonNull(uniqueId, "uniqueId"));
    }

    /**
     * Makes an item due now: a retry scheduled or a wait for authorization ends, a refused item is
     * tried again (same uniqueId). An item waiting for qualification stays so.
     *
     * @param uniqueId the unique id
     * @return the item made due, or empty when it is unknown, sent, cancelled, waiting for
     *     qualification, or being sent at this moment
     */
    public Optional<OutboxItem> retryNow(String uniqueId) {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Optional<OutboxItem> done = changeUnleased(uniqueId, i -> i.state().sendable() || i.state() == OutboxState.REFUSED
                ? i.with(OutboxState.READY, i.reason(), i.note(), clock.instant()).withNextAttempt(clock.instant())
                : null);
        wakeWorker();
        return done;
    }

    /**
     * Cancels one item, keeping the reason.
     *
     * @param uniqueId the unique id
     * @param note the note
     * @return the item cancelled, or empty when it is unknown, already final, or being sent at this moment
     */
    public Optional<OutboxItem> cancel(String uniqueId, String note) {
        return cancelOne(Objects.requireNonNull(uniqueId, "uniqueId"), CancelReason.OPERATOR,
                Objects.requireNonNull(note, "note"));
    }

    /** @return pending count, per state, oldest pending age and failures per reason */
    public OutboxMetrics metrics() {
        List<OutboxItem> items = store.list(EnumSet.complementOf(EnumSet.of(OutboxState.SENT)));
        Instant now = clock.instant();
        Map<OutboxState, Long> byState = new EnumMap<>(OutboxState.class);
        Map<String, Long> failures = new HashMap<>();
        long pending = 0;
        Instant oldest = null;
        for (OutboxItem i : items) {
            if (!i.state().terminal()) {
                pending++;
                byState.merge(i.state(), 1L, Long::sum);
                oldest = oldest == null || i.createdAt().isBefore(oldest) ? i.createdAt() : oldest;
            }
            if (i.reason().isPresent() && (i.state() != OutboxState.READY || i.attempts() > 0)) {
                failures.merge(i.reason().get(), 1L, Long::sum);
            }
        }
        Duration age = oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        return new OutboxMetrics(pending, byState, age, failures);
    }

    /**
     * Deletes sent items older than {@code age} from the store (the DMP holds them).
     *
     * @param age the age
     * @return how many were deleted
     */
    public int purgeSent(Duration age) {
        return store.purgeSent(clock.instant().minus(Objects.requireNonNull(age, "age")));
    }

    private Optional<OutboxItem> cancelOne(String uniqueId, CancelReason reason, String note) {
        Optional<OutboxItem> done = changeUnleased(uniqueId, i -> i.state().terminal() ? null
                : i.with(OutboxState.CANCELLED, Optional.of(reason.name()), Optional.of(note), clock.instant()));
        done.ifPresent(i -> report(i, Optional.empty()));
        return done;
    }

    /** Applies {@code change} (null: nothing to do) to an item nobody holds, at the version read. */
    private Optional<OutboxItem> changeUnleased(String uniqueId, UnaryOperator<OutboxItem> change) {
        for (int t = 0; t < CAS_TRIES; t++) {
            Optional<OutboxItem> current = store.find(uniqueId);
            if (current.isEmpty() || current.get().leasedAt(clock.instant())) {
                return Optional.empty();
            }
            OutboxItem next = change.apply(current.get());
            if (next == null) {
                return Optional.empty();
            }
            if (store.update(next, clock.instant())) {
                return store.find(uniqueId);
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------
    // The worker

    /** Starts the worker thread (once). */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the outbox is closed");
        }
        if (worker != null) {
            throw new IllegalStateException("the outbox worker was already started");
        }
        running = true;
        worker = new Thread(this::runWorker, "opendmp-outbox-worker");
        worker.setDaemon(true);
        workerThread = worker;
        worker.start();
    }

    /** Stops the worker thread: the item being sent is finished first (up to the lease). */
    public void stop() {
        Thread w;
        synchronized (this) {
            running = false;
            w = worker;
            worker = null;
        }
        if (w == null) {
            return;
        }
        wakeWorker();
        try {
            w.join(Math.min(lease.toMillis(), 30_000));
            if (w.isAlive()) {
                w.interrupt();
                w.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the worker and closes the store. */
    @Override
    public void close() {
        stop();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        store.close();
    }

    private void runWorker() {
        while (running) {
            int done = 0;
            try {
                done = drainOnce();
            } catch (RuntimeException e) {
                LOG.warn("outbox worker: pass failed ({}); trying again", e.getClass().getSimpleName());
            }
            if (done == 0 && running) {
                synchronized (wake) {
                    try {
                        wake.wait(pollInterval.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void wakeWorker() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /**
     * One pass: takes the items whose time has come, one at a time, and sends them (waiting for the
     * rate limit), until none is left or the worker is stopped.
     *
     * @return how many items were handled (sent or not)
     */
    public int drainOnce() {
        int handled = 0;
        while (true) {
            // the worker stops between two items once asked to; a caller's own pass goes on
            if (Thread.currentThread().isInterrupted() || (!running && Thread.currentThread() == workerThread)) {
                return handled;
            }
            Instant now = clock.instant();
            List<OutboxItem> claimed = store.claim(now, 1, owner, now.plus(lease));
            if (claimed.isEmpty()) {
                return handled;
            }
            handled++;
            process(claimed.get(0));
        }
    }

    private void process(OutboxItem item) {
        if (!item.patient().status().isQualified()) {
            finish(item.with(OutboxState.WAITING_QUALIFICATION, Optional.of("IDENTITY_NOT_QUALIFIED"), Optional.empty(),
                    clock.instant()), Optional.empty(), false);
            return;
        }
        if (!item.rendered()) {
            Optional<OutboxItem> rendered = render(item);
            if (rendered.isEmpty()) {
                return;
            }
            item = rendered.get();
        }
        try {
            rate.acquire(item.structureId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // nothing sent: give the item back at once
            finish(item.with(item.state(), item.reason(), item.note(), clock.instant()), Optional.empty(), false);
            return;
        }
        Deposit deposit = Deposit.builder().patient(item.patient()).document(item.metadata(), item.content()).build();
        try {
            DepositReceipt receipt = sender.send(deposit, item);
            String ids = receipt.documents().stream().map(DocumentId::entryUuid).collect(Collectors.joining(","));
            finish(item.with(OutboxState.SENT, Optional.empty(), Optional.empty(), clock.instant()).withReceipt(ids),
                    Optional.empty(), receipt.recovered());
        } catch (IdentityNotQualifiedException e) {
            finish(item.with(OutboxState.WAITING_QUALIFICATION, Optional.of("IDENTITY_NOT_QUALIFIED"), Optional.empty(),
                    clock.instant()), Optional.empty(), false);
        } catch (AccessRefusedException e) {
            AccessRefusal why = e.reason();
            if (why == AccessRefusal.NO_AUTHORIZATION) {
                finish(item.with(OutboxState.WAITING_AUTHORIZATION, Optional.of(why.name()), Optional.of(e.getMessage()),
                        clock.instant()).withNextAttempt(clock.instant().plus(authorizationRetry)), Optional.of(why),
                        false);
            } else if (why == AccessRefusal.NOT_AUTHENTICATED) {
                retry(item, why.name(), e, Optional.of(why));
            } else {
                finish(item.with(OutboxState.REFUSED, Optional.of(why.name()), Optional.of(e.getMessage()),
                        clock.instant()), Optional.of(why), false);
            }
        } catch (DmpException e) {
            String reason = reasonOf(e);
            if (e.retryable()) {
                retry(item, reason, e, Optional.empty());
            } else {
                finish(item.with(OutboxState.REFUSED, Optional.of(reason), Optional.of(e.getMessage()), clock.instant()),
                        Optional.empty(), false);
            }
        } catch (RuntimeException e) {
            // an unexpected failure must not lose the document: tried again later
            retry(item, "UNEXPECTED", e, Optional.empty());
        }
    }

    private Optional<OutboxItem> render(OutboxItem item) {
        String name = item.renderer().orElseThrow();
        DocumentRenderer renderer = renderers.get(name);
        if (renderer == null) {
            retry(item, "RENDERER_MISSING", null, Optional.empty());
            return Optional.empty();
        }
        DocumentContent doc;
        try {
            doc = renderer.render(item, item.patient());
        } catch (RuntimeException e) {
            LOG.warn("outbox: rendering {} failed ({})", item.uniqueId(), e.getClass().getSimpleName());
            finish(item.with(OutboxState.REFUSED, Optional.of("RENDER_FAILED"),
                    Optional.of(e instanceof DmpException ? e.getMessage() : e.getClass().getSimpleName()),
                    clock.instant()), Optional.empty(), false);
            return Optional.empty();
        }
        if (!doc.metadata().uniqueId().equals(item.uniqueId())) {
            finish(item.with(OutboxState.REFUSED, Optional.of("RENDER_FAILED"),
                    Optional.of("the renderer changed the uniqueId"), clock.instant()), Optional.empty(), false);
            return Optional.empty();
        }
        OutboxItem rendered = item.withRendered(doc.metadata(), doc.bytes());
        // stored before the first send: every resend carries these bytes
        if (!store.writeLeased(rendered, owner, false)) {
            return Optional.empty();
        }
        return store.find(item.uniqueId());
    }

    private void retry(OutboxItem item, String reason, Exception e, Optional<AccessRefusal> refusal) {
        long exp = Math.min(20, Math.max(0, item.attempts() - 1));
        long base = Math.min(backoffMax.toMillis(), backoffBase.toMillis() * (1L << exp));
        long delay = Math.min(backoffMax.toMillis(), (long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
        if (e instanceof UnavailableException u && u.retryAfter().isPresent()) {
            // the service's Retry-After is honoured as it is, even past the backoff's maximum
            delay = Math.max(delay, u.retryAfter().get().toMillis());
        }
        Instant now = clock.instant();
        finish(item.with(OutboxState.RETRY_SCHEDULED, Optional.of(reason),
                Optional.ofNullable(e instanceof DmpException ? e.getMessage() : null), now)
                .withNextAttempt(now.plusMillis(delay)), refusal, false);
    }

    private void finish(OutboxItem item, Optional<AccessRefusal> refusal, boolean recovered) {
        if (!store.writeLeased(item, owner, true)) {
            // the lease ended and another worker holds the item: it will send it (idempotently)
            LOG.debug("outbox: lease of {} lost before its outcome was written", item.uniqueId());
            return;
        }
        LOG.debug("outbox: {} -> {}", item.uniqueId(), item.state());
        report(item, refusal, recovered);
    }

    private void report(OutboxItem item, Optional<AccessRefusal> refusal) {
        report(item, refusal, false);
    }

    private void report(OutboxItem item, Optional<AccessRefusal> refusal, boolean recovered) {
        boolean waits = item.state() == OutboxState.RETRY_SCHEDULED || item.state() == OutboxState.WAITING_AUTHORIZATION;
        OutboxOutcome outcome = new OutboxOutcome(item.uniqueId(), item.localPatientId(), item.state(), item.reason(),
                refusal, item.attempts(), waits ? Optional.of(item.nextAttemptAt()) : Optional.empty(), recovered);
        try {
            listener.onOutcome(outcome);
        } catch (RuntimeException e) {
            LOG.warn("outbox listener failed ({}); ignored", e.getClass().getSimpleName());
        }
    }

    private static String reasonOf(DmpException e) {
        String name = e.getClass().getSimpleName().replace("Exception", "");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "DepositOutbox[" + store + ", worker " + (running ? "running" : "stopped") + "]";
    }

    /** Builds a {@link DepositOutbox}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private OutboxStore store;
        private OutboxSender sender;
        private Clock clock;
        private Double ratePerSecond;
        private Duration backoffBase;
        private Duration backoffMax;
        private Duration authorizationRetry;
        private Duration lease;
        private Duration pollInterval;
        private OutboxListener listener;
        private String structureId;
        private final Map<String, DocumentRenderer> renderers = new HashMap<>();

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException("outbox: " + name + " was already set");
            }
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("outbox: " + name + " must be positive");
            }
            return d;
        }

        /**
         * @param value the value
         * @return this; where items are kept (required; closed with the outbox)
         */
        public Builder store(OutboxStore value) {
            once(store, "store");
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * @param value the value
         * @return this; who deposits (required, or {@link #dmp})
         */
        public Builder sender(OutboxSender value) {
            once(sender, "sender");
            sender = Objects.requireNonNull(value, "sender");
            return this;
        }

        /**
         * @param value the value
         * @return this; deposits with this client's own caller ({@link OutboxSender#of(DmpClient)})
         */
        public Builder dmp(DmpClient value) {
            return sender(OutboxSender.of(value));
        }

        /**
         * @param value the value
         * @return this; the clock of attempts, backoff and leases (default: UTC system clock)
         */
        public Builder clock(Clock value) {
            once(clock, "clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value the value
         * @return this; deposits per second and per structure in this JVM (default 4, guidance: under 5)
         */
        public Builder ratePerSecond(double value) {
            once(ratePerSecond, "ratePerSecond");
            if (!(value > 0) || value > 1000) {
                throw new IllegalArgumentException("outbox: ratePerSecond must be in (0, 1000]");
            }
            ratePerSecond = value;
            return this;
        }

        /**
         * @param base the base
         * @param max the max
         * @return this; the backoff after a retryable failure: base doubled per attempt, up to max (default 2 s, 15 min)
         */
        public Builder backoff(Duration base, Duration max) {
            once(backoffBase, "backoff");
            backoffBase = positive(base, "backoff base");
            backoffMax = positive(max, "backoff max");
            if (max.compareTo(base) < 0) {
                throw new IllegalArgumentException("outbox: backoff max must not be under its base");
            }
            return this;
        }

        /**
         * @param value the value
         * @return this; when to try again a document refused for want of authorization (default 1 h)
         */
        public Builder authorizationRetry(Duration value) {
            once(authorizationRetry, "authorizationRetry");
            authorizationRetry = positive(value, "authorizationRetry");
            return this;
        }

        /**
         * @param value the value
         * @return this; how long a worker holds an item while sending it (default 5 min): longer
         *     than the client's longest deposit (timeouts × attempts), else another worker may send
         *     it too (the deposit's idempotency still stores one copy)
         */
        public Builder lease(Duration value) {
            once(lease, "lease");
            lease = positive(value, "lease");
            return this;
        }

        /**
         * @param value the value
         * @return this; how often an idle worker looks for due items (default 1 s)
         */
        public Builder pollInterval(Duration value) {
            once(pollInterval, "pollInterval");
            pollInterval = positive(value, "pollInterval");
            return this;
        }

        /**
         * @param value the value
         * @return this; told of every outcome
         */
        public Builder listener(OutboxListener value) {
            once(listener, "listener");
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * @param value the value
         * @return this; the structure of requests that name none (default {@code "default"})
         */
        public Builder structureId(String value) {
            once(structureId, "structureId");
            structureId = Objects.requireNonNull(value, "structureId");
            return this;
        }

        /**
         * @param name the name
         * @param renderer the renderer
         * @return this; a renderer that requests name (each name once)
         */
        public Builder renderer(String name, DocumentRenderer renderer) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(renderer, "renderer");
            if (renderers.putIfAbsent(name, renderer) != null) {
                throw new IllegalStateException("outbox: renderer " + name + " was already set");
            }
            return this;
        }

        /** @return the outbox (its worker not started) */
        public DepositOutbox build() {
            if (store == null || sender == null) {
                throw new IllegalArgumentException("outbox: a store and a sender (or a DmpClient) are required");
            }
            return new DepositOutbox(this);
        }
    }
}
