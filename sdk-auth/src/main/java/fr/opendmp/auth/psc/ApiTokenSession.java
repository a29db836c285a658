package fr.opendmp.auth.psc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The API token cache of one professional: exchanges the PSC session's access token (refreshed as
 * needed) for an API token, and keeps it until shortly before it expires. Thread-safe.
 */
public final class ApiTokenSession {

    private final PscSession psc;
    private final TokenExchangeClient exchange;
    private final Clock clock;
    private final Duration margin;
    private ApiToken token;

    /**
     * @param psc the professional's PSC session
     * @param exchange the token exchange client
     * @param clock the clock (a fake in tests)
     * @param margin exchange again this long before the API token expires (e.g. 30 s)
     */
    public ApiTokenSession(PscSession psc, TokenExchangeClient exchange, Clock clock, Duration margin) {
        this.psc = Objects.requireNonNull(psc, "psc");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /**
     * @return a valid API token (never log it)
     * @throws PscException if the PSC refresh or the exchange is refused
     */
    public synchronized String accessToken() {
        if (token == null || !clock.instant().plus(margin).isBefore(token.expiresAt())) {
            token = exchange.exchange(psc.accessToken());
        }
        return token.accessToken();
    }

    @Override
    public synchronized String toString() {
        return "ApiTokenSession[" + (token == null ? "no token yet" : token) + "]";
    }
}
