package fr.opendmp.auth.psc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The token cache of one professional's Pro Santé Connect session: gives a valid access token,
 * refreshing it when it is about to expire. Thread-safe.
 */
public final class PscSession {

    private final PscClient client;
    private final Clock clock;
    private final Duration margin;
    private PscTokens tokens;

    /**
     * @param client the client that obtained the tokens
     * @param tokens the tokens of a completed authentication
     * @param clock the clock (a fake in tests)
     * @param margin refresh this long before the access token expires (e.g. 20 s)
     */
    public PscSession(PscClient client, PscTokens tokens, Clock clock, Duration margin) {
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.margin = Objects.requireNonNull(margin, "margin");
    }

    /**
     * @return a valid access token (never log it)
     * @throws PscException if the refresh is refused: the professional must authenticate again
     */
    public synchronized String accessToken() {
        if (!clock.instant().plus(margin).isBefore(tokens.expiresAt())) {
            tokens = client.refresh(tokens);
        }
        return tokens.accessToken();
    }

    /**
     * @return the current tokens (may be about to expire)
     */
    public synchronized PscTokens tokens() {
        return tokens;
    }

    @Override
    public synchronized String toString() {
        return "PscSession[" + tokens + "]";
    }
}
