package fr.opendmp.auth.vihf;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.error.CredentialsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Issues signed VIHFs per request for one professional and structure, and caches each per
 * (professional, service, patient, access mode and reason) until shortly before it expires.
 * Thread-safe.
 *
 * <pre>{@code
 * VihfIssuer issuer = VihfIssuer.builder()
 *         .signer(new VihfSigner(orgSign)).professional(doctor).structure(hospital).software(lps)
 *         .build();
 * SignedVihf vihf = issuer.issue(CredentialRequest.dmp(ins, AccessContext.normal()));
 * }</pre>
 */
public final class VihfIssuer {

    /** The default margin: a cached VIHF is renewed this long before it expires. */
    public static final Duration DEFAULT_RENEWAL_MARGIN = Duration.ofSeconds(60);

    private record Key(String nameId, CredentialRequest.Service service, Optional<String> patientCx,
            AccessContext access, Optional<DmpiVihfOptions> dmpi) {
    }

    private final VihfSigner signer;
    private final Professional professional;
    private final Organization structure;
    private final Software software;
    private final AuthenticationMode mode;
    private final Optional<String> authnContextClassRef;
    private final Map<CredentialRequest.Service, VihfProfile> profiles;
    private final Duration validity;
    private final Duration renewalMargin;
    private final Clock clock;
    private final Cache<Key, SignedVihf> cache;

    private VihfIssuer(Builder b) {
        this.signer = Objects.requireNonNull(b.signer, "signer");
        this.professional = Objects.requireNonNull(b.professional, "professional");
        this.structure = Objects.requireNonNull(b.structure, "structure");
        this.software = Objects.requireNonNull(b.software, "software");
        this.mode = b.mode != null ? b.mode : AuthenticationMode.INDIRECTE;
        this.authnContextClassRef = Optional.ofNullable(b.authnContextClassRef);
        this.profiles = new EnumMap<>(CredentialRequest.Service.class);
        profiles.put(CredentialRequest.Service.DMP, b.dmpProfile != null ? b.dmpProfile : VihfProfile.DMP);
        profiles.put(CredentialRequest.Service.INSI, b.insiProfile != null ? b.insiProfile : VihfProfile.INSI);
        this.validity = b.validity != null ? b.validity : VihfBuilder.DEFAULT_VALIDITY;
        this.renewalMargin = b.renewalMargin != null ? b.renewalMargin : DEFAULT_RENEWAL_MARGIN;
        if (renewalMargin.compareTo(validity) >= 0) {
            throw new IllegalArgumentException("the renewal margin must be shorter than the validity");
        }
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        Ticker ticker = b.ticker != null ? b.ticker
                : b.clock != null ? () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()) : Ticker.systemTicker();
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .ticker(ticker)
                .expireAfter(new Expiry<Key, SignedVihf>() {
                    @Override
                    public long expireAfterCreate(Key key, SignedVihf value, long currentTime) {
                        Duration left = Duration.between(clock.instant(), value.notOnOrAfter().minus(renewalMargin));
                        return Math.max(0, left.toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(Key key, SignedVihf value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(Key key, SignedVihf value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /**
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param request the service, patient and access mode
     * @return a signed VIHF for it, from the cache while it has more than the renewal margin left
     * @throws fr.opendmp.core.error.CredentialsException if it cannot be signed
     * @throws IllegalArgumentException if the request lacks a patient the service requires
     */
    public SignedVihf issue(CredentialRequest request) {
        Objects.requireNonNull(request, "request");
        Professional who = request.caller().professional().map(this::professionalOf).orElse(professional);
        AuthenticationMode how = request.caller().authenticationMode().orElse(mode);
        Key key = new Key(who.idNat() + "|" + how, request.service(), request.patient().map(p -> p.cx()),
                request.access(), Optional.empty());
        return cache.get(key, k -> signer.sign(build(request, who, how, Optional.empty())));
    }

    /**
     * The VIHF of a DMPi (SOAP) request, written per the DMPi strategies: fresh per call unless
     * {@link DmpiVihfOptions#reuse()} allows reusing one (never beyond the issuer's validity and
     * renewal margin). A request without patient (TD0.4) gets no {@code resource-id}.
     *
     * @param request the service, patient and caller
     * @param options the DMPi strategies
     * @return the assertion, signed unless the options leave a DIRECTE one unsigned
     * @throws fr.opendmp.core.error.CredentialsException if it cannot be signed
     */
    public SignedVihf issueForDmpi(CredentialRequest request, DmpiVihfOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        Professional who = request.caller().professional().map(this::professionalOf).orElse(professional);
        AuthenticationMode how = request.caller().authenticationMode().orElse(mode);
        if (options.reuse().maxAge().isEmpty()) {
            return signer.signForDmpi(build(request, who, how, Optional.of(options)), options);
        }
        Key key = new Key(who.idNat() + "|" + how, request.service(), request.patient().map(p -> p.cx()),
                request.access(), Optional.of(options));
        SignedVihf cached = cache.getIfPresent(key);
        Duration maxAge = options.reuse().maxAge().get();
        if (cached != null && !cached.notOnOrAfter().minus(validity).plus(maxAge).isBefore(clock.instant())) {
            return cached;
        }
        SignedVihf fresh = signer.signForDmpi(build(request, who, how, Optional.of(options)), options);
        cache.put(key, fresh);
        return fresh;
    }

    /**
     * The caller named by a request, as the VIHF names it. The structure stays this issuer's: its
     * key signs for that structure only, so a professional of another structure is refused.
     */
    private Professional professionalOf(Professional p) {
        p.organization().filter(o -> !o.idNat().equals(structure.idNat())).ifPresent(o -> {
            throw new CredentialsException("this VIHF issuer signs for structure " + structure.idNat()
                    + " only; professional " + p.idNat() + " acts for structure " + o.idNat());
        });
        try {
            return Require.vihfProfessional(p);
        } catch (IllegalArgumentException e) {
            throw new CredentialsException("no VIHF for professional " + p.idNat() + ": " + e.getMessage());
        }
    }

    private Vihf build(CredentialRequest request, Professional who, AuthenticationMode how,
            Optional<DmpiVihfOptions> dmpi) {
        VihfProfile profile = profiles.get(request.service());
        if (dmpi.isPresent() && request.patient().isEmpty()) {
            profile = new VihfProfile(profile.resourceUrn(), profile.version(), false, profile.legacyModeAcces());
        }
        VihfBuilder builder = VihfBuilder.create()
                .professional(who).structure(structure).software(software)
                .mode(how).access(request.access()).profile(profile)
                .validity(validity).clock(clock);
        request.patient().ifPresent(builder::patient);
        if (dmpi.isPresent()) {
            if (how == AuthenticationMode.DIRECTE) {
                builder.authnContextClassRef(VihfAttributes.AC_SMARTCARD);
            } else {
                builder.authnContextClassRef(authnContextClassRef.orElse(dmpi.get().indirectAuthnContext()));
                if (how == AuthenticationMode.INDIRECTE_RENFORCEE) {
                    builder.authnContextDecl(dmpi.get().airAuthnContextDecl());
                }
            }
        } else {
            authnContextClassRef.ifPresent(builder::authnContextClassRef);
        }
        return builder.build();
    }

    /**
     * @return the instant the issuer's clock reads (for tests and diagnostics)
     */
    public Instant now() {
        return clock.instant();
    }

    @Override
    public String toString() {
        return "VihfIssuer[" + professional + ", structure " + structure.idNat() + ", " + mode + "]";
    }

    /** Builds a {@link VihfIssuer}; each setting may be given once. */
    public static final class Builder {
        private VihfSigner signer;
        private Professional professional;
        private Organization structure;
        private Software software;
        private AuthenticationMode mode;
        private String authnContextClassRef;
        private VihfProfile dmpProfile;
        private VihfProfile insiProfile;
        private Duration validity;
        private Duration renewalMargin;
        private Clock clock;
        private Ticker ticker;

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the signer (required)
         * @return this builder
         */
        public Builder signer(VihfSigner value) {
            once(signer, "signer");
            signer = Objects.requireNonNull(value, "signer");
            return this;
        }

        /**
         * @param value the professional (required), with what a VIHF needs (see {@link VihfBuilder#professional})
         * @return this builder
         * @throws IllegalArgumentException if the professional lacks what a VIHF needs
         */
        public Builder professional(Professional value) {
            once(professional, "professional");
            professional = Require.vihfProfessional(Objects.requireNonNull(value, "professional"));
            return this;
        }

        /**
         * @param value the structure (required), with its activity sector
         * @return this builder
         * @throws IllegalArgumentException if the structure has no activity sector with an OID
         */
        public Builder structure(Organization value) {
            once(structure, "structure");
            structure = Require.vihfStructure(Objects.requireNonNull(value, "structure"));
            return this;
        }

        /**
         * @param value the software (required)
         * @return this builder
         */
        public Builder software(Software value) {
            once(software, "software");
            software = Objects.requireNonNull(value, "software");
            return this;
        }

        /**
         * @param value the authentication mode (default INDIRECTE)
         * @return this builder
         */
        public Builder mode(AuthenticationMode value) {
            once(mode, "mode");
            mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * @param value the AuthnContextClassRef (default per mode)
         * @return this builder
         */
        public Builder authnContextClassRef(String value) {
            once(authnContextClassRef, "authnContextClassRef");
            authnContextClassRef = Objects.requireNonNull(value, "authnContextClassRef");
            return this;
        }

        /**
         * @param value the DMP profile (default {@link VihfProfile#DMP})
         * @return this builder
         */
        public Builder dmpProfile(VihfProfile value) {
            once(dmpProfile, "dmpProfile");
            dmpProfile = Objects.requireNonNull(value, "dmpProfile");
            return this;
        }

        /**
         * @param value the INSi profile (default {@link VihfProfile#INSI})
         * @return this builder
         */
        public Builder insiProfile(VihfProfile value) {
            once(insiProfile, "insiProfile");
            insiProfile = Objects.requireNonNull(value, "insiProfile");
            return this;
        }

        /**
         * @param value each VIHF's validity (default 5 min)
         * @return this builder
         */
        public Builder validity(Duration value) {
            once(validity, "validity");
            validity = Objects.requireNonNull(value, "validity");
            return this;
        }

        /**
         * @param value how long before expiry a cached VIHF is renewed (default 60 s)
         * @return this builder
         */
        public Builder renewalMargin(Duration value) {
            once(renewalMargin, "renewalMargin");
            renewalMargin = Objects.requireNonNull(value, "renewalMargin");
            return this;
        }

        /**
         * @param value the clock for instants (default system UTC)
         * @return this builder
         */
        public Builder clock(Clock value) {
            once(clock, "clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value the cache's ticker (default: derived from the clock when one is given,
         *     otherwise the system ticker)
         * @return this builder
         */
        public Builder ticker(Ticker value) {
            once(ticker, "ticker");
            ticker = Objects.requireNonNull(value, "ticker");
            return this;
        }

        /**
         * @return the issuer
         * @throws NullPointerException if signer, professional, structure or software is missing
         */
        public VihfIssuer build() {
            return new VihfIssuer(this);
        }
    }
}
