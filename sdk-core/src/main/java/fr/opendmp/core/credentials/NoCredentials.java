package fr.opendmp.core.credentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** No TLS client certificate and no header: for the fake DMP's test mode. */
enum NoCredentials implements CredentialsProvider {
    INSTANCE;

    @Override
    public Optional<SSLContext> sslContext() {
        return Optional.empty();
    }

    @Override
    public Map<String, List<String>> headers(CredentialRequest request) {
        return Map.of();
    }

    @Override
    public String toString() {
        return "CredentialsProvider.none()";
    }
}
