package fr.opendmp.auth.provider;

import java.util.List;
import java.util.Map;

/**
 * Where a credential travels on an HTTP request (the security page of the PDSM4DMP implementation guide does not say
 * yet, hence a strategy). Default: {@link BearerTokenPlacement}.
 */
public interface CredentialPlacement {

    /**
     * @param credential the credential made for the request
     * @return the headers carrying it
     * @throws IllegalArgumentException if this placement cannot carry that kind of credential
     */
    Map<String, List<String>> headers(Credential credential);
}
