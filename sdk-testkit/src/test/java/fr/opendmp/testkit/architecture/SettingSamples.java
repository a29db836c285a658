package fr.opendmp.testkit.architecture;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A value for a setter's parameter: from the table of types given to it first, then by the type's
 * shape (enum: its first constant; array, list, set, optional, supplier: of one sample; an interface:
 * a stand-in that refuses every call, which a setter only stores; otherwise a public constant of the
 * type, one of its public static factories or constructors fed with samples, or its empty builder's
 * {@code build()}).
 */
final class SettingSamples {

    private static final int MAX_DEPTH = 3;

    private static final Comparator<Executable> SIMPLEST_FIRST = Comparator.comparingInt(Executable::getParameterCount)
            .thenComparing(Executable::getName).thenComparing(Executable::toGenericString);

    private final Map<Class<?>, Supplier<?>> byType;

    SettingSamples(Map<Class<?>, Supplier<?>> byType) {
        this.byType = new HashMap<>(byType);
    }

    /**
     * @param types the parameter types of a method
     * @return one value per parameter, or empty when one of them has no sample
     */
    Optional<Object[]> argumentsFor(Type[] types) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Optional<Object> v = of(types[i], 0);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            values[i] = v.get();
        }
        return Optional.of(values);
    }

    private Optional<Object> of(Type type, int depth) {
        Class<?> raw = raw(type);
        if (byType.containsKey(raw)) {
            return Optional.of(byType.get(raw).get());
        }
        if (raw.isEnum()) {
            return Optional.of(raw.getEnumConstants()[0]);
        }
        if (raw.isArray()) {
            return of(raw.getComponentType(), depth).map(v -> {
                Object array = Array.newInstance(raw.getComponentType(), 1);
                Array.set(array, 0, v);
                return array;
            });
        }
        if (depth >= MAX_DEPTH) {
            return Optional.empty();
        }
        if (raw == List.class || raw == java.util.Collection.class) {
            return of(argument(type), depth + 1).map(List::of);
        }
        if (raw == Set.class) {
            return of(argument(type), depth + 1).map(Set::of);
        }
        if (raw == Optional.class) {
            return of(argument(type), depth + 1).map(Optional::of);
        }
        if (raw == Supplier.class) {
            return of(argument(type), depth + 1).map(v -> (Supplier<Object>) () -> v);
        }
        if (raw.isInterface() && !raw.isSealed()) {
            return Optional.of(Proxy.newProxyInstance(raw.getClassLoader(), new Class<?>[] {raw}, (p, m, a) -> {
                if (m.getDeclaringClass() == Object.class) {
                    return m.getName().equals("equals") ? p == a[0]
                            : m.getName().equals("hashCode") ? System.identityHashCode(p) : "stand-in " + raw.getName();
                }
                throw new UnsupportedOperationException("a stand-in for the builder sweep: " + m);
            }));
        }
        return constant(raw).or(() -> fromFactory(raw, depth));
    }

    private static Optional<Object> constant(Class<?> raw) {
        return Arrays.stream(raw.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == raw)
                .sorted(Comparator.comparing(java.lang.reflect.Field::getName))
                .map(f -> {
                    try {
                        return f.get(null);
                    } catch (IllegalAccessException e) {
                        return null;
                    }
                })
                .filter(v -> v != null).findFirst();
    }

    /** A public static factory, {@code builder().build()}, or a public constructor, fed with samples. */
    private Optional<Object> fromFactory(Class<?> raw, int depth) {
        List<Executable> factories = Arrays.stream(raw.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == raw)
                .sorted(SIMPLEST_FIRST).map(Executable.class::cast).toList();
        List<Executable> constructors = Modifier.isAbstract(raw.getModifiers()) ? List.of()
                : Arrays.stream(raw.getConstructors()).sorted(SIMPLEST_FIRST).map(Executable.class::cast).toList();
        return firstTakingSamples(factories, depth).or(() -> fromEmptyBuilder(raw))
                .or(() -> firstTakingSamples(constructors, depth));
    }

    private Optional<Object> firstTakingSamples(List<Executable> makers, int depth) {
        for (Executable maker : makers) {
            Object[] args = new Object[maker.getParameterCount()];
            boolean all = true;
            for (int i = 0; i < args.length && all; i++) {
                Optional<Object> v = of(maker.getGenericParameterTypes()[i], depth + 1);
                all = v.isPresent();
                args[i] = v.orElse(null);
            }
            if (!all) {
                continue;
            }
            try {
                return Optional.of(maker instanceof Method m ? m.invoke(null, args)
                        : ((Constructor<?>) maker).newInstance(args));
            } catch (ReflectiveOperationException | RuntimeException refused) {
                // this one does not take samples: try the next
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> fromEmptyBuilder(Class<?> raw) {
        for (Method factory : raw.getMethods()) {
            if (!Modifier.isStatic(factory.getModifiers()) || factory.getParameterCount() != 0) {
                continue;
            }
            try {
                Method build = factory.getReturnType().getMethod("build");
                if (build.getReturnType() == raw) {
                    return Optional.of(build.invoke(factory.invoke(null)));
                }
            } catch (ReflectiveOperationException | RuntimeException notThisWay) {
                // no build(), or it needs settings
            }
        }
        return Optional.empty();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }
}
