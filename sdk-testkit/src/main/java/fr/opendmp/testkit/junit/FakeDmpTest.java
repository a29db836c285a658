package fr.opendmp.testkit.junit;

import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.DefaultAuthorization;
import fr.opendmp.testkit.dmp.MetadataVersionIdentity;
import fr.opendmp.testkit.dmp.Validation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a started {@link fr.opendmp.testkit.dmp.FakeDmp}, injected as a
 * parameter of test methods, constructors and lifecycle methods, and reset before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(FakeDmpExtension.class)
public @interface FakeDmpTest {

    /** How long one fake lives. */
    enum Lifecycle {
        /** One fake per test class, reset before each test (default; fast). */
        PER_CLASS,
        /** A new fake per test method. */
        PER_METHOD
    }

    /** @return the lifecycle */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** @return the validation mode */
    Validation validation() default Validation.STRICT;

    /**
     * @return the auth mode (default {@link AuthMode#VERIFY}: HTTPS, mTLS and signed VIHFs; use
     *     {@code FakeDmp.credentials(professional)}); {@link AuthMode#OFF} keeps the plain-HTTP test mode
     */
    AuthMode auth() default AuthMode.VERIFY;

    /**
     * @return what a metadata change (mask, visibility) does to a document's identity (default
     *     {@link MetadataVersionIdentity#NEW_ENTRY_UUID}: a new entryUUID, as ITI-57)
     */
    MetadataVersionIdentity metadataVersionIdentity() default MetadataVersionIdentity.NEW_ENTRY_UUID;

    /** @return the authorization of unseeded patient/professional pairs */
    DefaultAuthorization defaultAuthorization() default DefaultAuthorization.AUTHORIZED;
}
