package fr.opendmp.testkit.architecture;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Calls every fluent setter of each builder twice on a fresh builder and sorts what happens: refused
 * (the rule: an {@link IllegalStateException} saying {@code <setting> was already set}), repeated (an
 * additive setting, listed), or a finding (a second value won, the first call was refused, no sample,
 * no way to get a builder, a listed additive setting that refuses, a list entry that names no setter).
 */
final class BuilderSweep {

    /** What a sweep found; {@link #findings()} empty means every setter was checked and keeps the rule. */
    static final class Report {
        final List<String> refusedTwice = new ArrayList<>();
        final List<String> repeatedAdditive = new ArrayList<>();
        final List<String> secondValueWins = new ArrayList<>();
        final List<String> firstCallRefused = new ArrayList<>();
        final List<String> noSample = new ArrayList<>();
        final List<String> noFactory = new ArrayList<>();
        final List<String> listedAdditiveButRefused = new ArrayList<>();
        final List<String> otherFailure = new ArrayList<>();
        final Set<String> staleEntries = new TreeSet<>();

        /** @return every setter or list entry that breaks the rule or escaped the check */
        List<String> findings() {
            List<String> all = new ArrayList<>();
            secondValueWins.forEach(s -> all.add("a second value wins: " + s));
            firstCallRefused.forEach(s -> all.add("first call refused (give a sample): " + s));
            noSample.forEach(s -> all.add("no sample for a parameter (give one): " + s));
            noFactory.forEach(s -> all.add("no way to get a fresh builder (give a factory): " + s));
            listedAdditiveButRefused.forEach(s -> all.add("listed as additive but refuses a second call: " + s));
            otherFailure.forEach(s -> all.add("refused with another exception: " + s));
            staleEntries.forEach(s -> all.add("list entry naming no setter: " + s));
            return all;
        }

        /** @return how many setters were called twice */
        int checked() {
            return refusedTwice.size() + repeatedAdditive.size() + secondValueWins.size()
                    + listedAdditiveButRefused.size() + otherFailure.size();
        }
    }

    private final Function<Class<?>, Optional<Supplier<Object>>> explicitFactories;
    private final SettingSamples samples;
    private final Map<String, Supplier<Object[]>> samplesBySetter;
    private final Map<String, String> additive;
    private final Map<Class<?>, Predicate<Throwable>> otherRefusals;

    /**
     * @param explicitFactories a fresh builder for the builders no public static method gives
     * @param samples parameter values by type
     * @param samplesBySetter arguments for a setter that refuses the samples by type (key
     *     {@code Owner.Builder#method}, or {@code Owner.Builder#method(String)} for one overload)
     * @param additive the settings that add a value (key {@code Owner.Builder#method}), with why
     * @param otherRefusals builders that refuse a second value with their own typed error
     */
    BuilderSweep(Function<Class<?>, Optional<Supplier<Object>>> explicitFactories, SettingSamples samples,
            Map<String, Supplier<Object[]>> samplesBySetter, Map<String, String> additive,
            Map<Class<?>, Predicate<Throwable>> otherRefusals) {
        this.explicitFactories = explicitFactories;
        this.samples = samples;
        this.samplesBySetter = samplesBySetter;
        this.additive = additive;
        this.otherRefusals = otherRefusals;
    }

    /** @return a builder's name as the lists spell it: {@code DocumentMetadata.Builder} */
    static String nameOf(Class<?> builder) {
        Class<?> owner = builder.getEnclosingClass();
        return (owner != null ? owner.getSimpleName() + "." : "") + builder.getSimpleName();
    }

    /** @return the public instance methods a builder declares that return the builder itself */
    static List<Method> settersOf(Class<?> builder) {
        return Arrays.stream(builder.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !m.isBridge() && m.getReturnType() == builder)
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString))
                .toList();
    }

    Report sweep(Collection<Class<?>> builders) {
        Report report = new Report();
        Set<String> used = new HashSet<>();
        for (Class<?> builder : builders) {
            Optional<Supplier<Object>> fresh = explicitFactories.apply(builder).or(() -> factoryOf(builder));
            if (fresh.isEmpty()) {
                report.noFactory.add(nameOf(builder));
                continue;
            }
            for (Method setter : settersOf(builder)) {
                String key = nameOf(builder) + "#" + setter.getName();
                String shown = key + Arrays.toString(setter.getParameterTypes()).replaceAll("(class|interface) ", "");
                String signature = key + Arrays.stream(setter.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",", "(", ")"));
                used.add(key);
                used.add(signature);
                Supplier<Object[]> given = samplesBySetter.getOrDefault(signature, samplesBySetter.get(key));
                Optional<Object[]> args = given != null ? Optional.of(given.get())
                        : samples.argumentsFor(setter.getGenericParameterTypes());
                if (args.isEmpty()) {
                    report.noSample.add(shown);
                    continue;
                }
                check(report, builder, fresh.get(), setter, args.get(), key, shown);
            }
        }
        for (String key : additive.keySet()) {
            if (!used.contains(key) && builders.stream().anyMatch(b -> key.startsWith(nameOf(b) + "#"))) {
                report.staleEntries.add(key);
            }
        }
        for (String key : samplesBySetter.keySet()) {
            if (!used.contains(key) && builders.stream().anyMatch(b -> key.startsWith(nameOf(b) + "#"))) {
                report.staleEntries.add(key);
            }
        }
        return report;
    }

    private void check(Report report, Class<?> builder, Supplier<Object> fresh, Method setter, Object[] args,
            String key, String shown) {
        Object target;
        try {
            target = fresh.get();
        } catch (RuntimeException e) {
            report.noFactory.add(nameOf(builder) + ": " + e);
            return;
        }
        Optional<Throwable> first = call(setter, target, args);
        if (first.isPresent()) {
            report.firstCallRefused.add(shown + ": " + first.get());
            return;
        }
        Optional<Throwable> second = call(setter, target, args);
        if (additive.containsKey(key)) {
            (second.isEmpty() ? report.repeatedAdditive : report.listedAdditiveButRefused)
                    .add(shown + second.map(e -> ": " + e).orElse(""));
        } else if (second.isEmpty()) {
            report.secondValueWins.add(shown);
        } else if (second.get() instanceof IllegalStateException e && String.valueOf(e.getMessage())
                .matches("\\S.* was already set")) {
            report.refusedTwice.add(shown);
        } else if (otherRefusals.getOrDefault(builder, t -> false).test(second.get())) {
            report.refusedTwice.add(shown);
        } else {
            report.otherFailure.add(shown + ": " + second.get());
        }
    }

    private static Optional<Throwable> call(Method setter, Object target, Object[] args) {
        try {
            setter.invoke(target, args);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(setter + " is not callable", e);
        }
    }

    /** A public static method of the builder or of the class it builds, without parameters, that returns it. */
    private static Optional<Supplier<Object>> factoryOf(Class<?> builder) {
        List<Class<?>> owners = new ArrayList<>(List.of(builder));
        if (builder.getEnclosingClass() != null) {
            owners.add(builder.getEnclosingClass());
        }
        return owners.stream().flatMap(o -> Arrays.stream(o.getMethods()))
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == builder
                        && m.getParameterCount() == 0)
                .min(Comparator.comparing(Method::getName))
                .map(m -> () -> {
                    try {
                        return m.invoke(null);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
