package fr.opendmp.testkit.junit;

import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.DefaultAuthorization;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.Validation;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension injecting a started {@link FakeDmp}: {@code @ExtendWith(FakeDmpExtension.class)}
 * (defaults: per class, strict, {@link AuthMode#VERIFY}, authorized; use
 * {@code fake.credentials(professional)} for clients; a {@link CredentialsProvider} parameter
 * receives {@code fake.credentials()}, acting as the fake's default professional in its mode) or {@link FakeDmpTest} to configure it. The fake is
 * reset before each test and closed when its scope ends.
 */
public final class FakeDmpExtension implements ParameterResolver, BeforeEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FakeDmpExtension.class);

    /** Holder closed by JUnit when its store's scope ends. */
    private record Holder(FakeDmp dmp) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            dmp.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeDmp.class || type == CredentialsProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        FakeDmp fake = fake(context);
        return parameter.getParameter().getType() == CredentialsProvider.class ? fake.credentials() : fake;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fake(context).reset();
    }

    private static FakeDmp fake(ExtensionContext context) {
        Optional<FakeDmpTest> config = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, FakeDmpTest.class));
        boolean perMethod = config.map(c -> c.lifecycle() == FakeDmpTest.Lifecycle.PER_METHOD).orElse(false);
        ExtensionContext scope = perMethod && context.getTestMethod().isPresent() ? context : classContext(context);
        return scope.getStore(NS).getOrComputeIfAbsent("fake", k -> new Holder(FakeDmp.builder()
                .validation(config.map(FakeDmpTest::validation).orElse(Validation.STRICT))
                .auth(config.map(FakeDmpTest::auth).orElse(AuthMode.VERIFY))
                .metadataVersionIdentity(config.map(FakeDmpTest::metadataVersionIdentity)
                        .orElse(fr.opendmp.testkit.dmp.MetadataVersionIdentity.NEW_ENTRY_UUID))
                .defaultAuthorization(config.map(FakeDmpTest::defaultAuthorization)
                        .orElse(DefaultAuthorization.AUTHORIZED))
                .start()), Holder.class).dmp();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
