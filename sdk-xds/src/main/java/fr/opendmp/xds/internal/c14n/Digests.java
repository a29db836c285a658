package fr.opendmp.xds.internal.c14n;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A JCA digest by name, its absence an error of the platform. Not API. */
final class Digests {

    private Digests() {
    }

    static MessageDigest get(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
