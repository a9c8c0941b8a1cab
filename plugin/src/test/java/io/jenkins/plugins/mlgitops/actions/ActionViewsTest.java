package io.jenkins.plugins.mlgitops.actions;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actions' Jelly views bind only to what their classes have: every property path in an expression
 * ({@code ${report.canary.finalWeight}}) resolves, getter by getter, from the view's {@code it} and the variables its
 * {@code j:forEach} and {@code j:set} tags declare, as JEXL would resolve it in Jenkins. Rendering needs a real
 * Jenkins (its layout tag libraries); this catches a renamed getter or a mistyped property without one.
 */
class ActionViewsTest {
    private static final Map<Class<?>, List<String>> VIEWS = Map.of(MlGitOpsBuildAction.class,
            List.of("summary.jelly", "index.jelly"), MlGitOpsJobAction.class, List.of("index.jelly",
                    "floatingBox.jelly"));
    private static final Pattern TAG = Pattern.compile(
            "<j:(forEach|set) var=\"(\\w+)\" (?:items|value)=\"\\$\\{([^}]*)}\"");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_]\\w*(?:\\.\\w+(?:\\([^()]*\\))?)+");

    @Test
    void shouldResolveEveryPropertyPathOfTheViews() throws IOException {
        List<String> resolved = new ArrayList<>();
        for (Map.Entry<Class<?>, List<String>> views : VIEWS.entrySet()) {
            for (String view : views.getValue()) {
                String jelly = read(views.getKey(), view);
                assertThat(jelly).as(view).startsWith("<?jelly escape-by-default='true'?>");
                resolved.addAll(check(views.getKey().getSimpleName() + "/" + view, views.getKey(), jelly));
            }
        }
        assertThat(resolved).as("paths checked").contains("report.canary.finalWeight", "trend.metricCharts",
                "entry.summary.deployment", "it.summaries");
    }

    @Test
    void shouldRefuseAPathToAMissingProperty() {
        assertThat(resolve(Map.of("it", MlGitOpsBuildAction.class), "it.summaries.nothing()")).isNull();
        assertThat(resolve(Map.of("it", MlGitOpsBuildAction.class), "it.reportz")).isNull();
    }

    private static List<String> check(final String name, final Class<?> it, final String jelly) {
        Map<String, Type> variables = new HashMap<>();
        variables.put("it", it);
        Matcher tag = TAG.matcher(jelly);
        while (tag.find()) {
            Type value = resolve(variables, tag.group(3).trim());
            assertThat(value).as(name + ": " + tag.group(0)).isNotNull();
            variables.put(tag.group(2), "forEach".equals(tag.group(1)) ? element(value) : value);
        }
        List<String> paths = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(jelly);
        while (expression.find()) {
            Matcher path = PATH.matcher(expression.group(1));
            while (path.find()) {
                assertThat(resolve(variables, path.group())).as(name + ": ${" + expression.group(1) + "}").isNotNull();
                paths.add(path.group());
            }
        }
        return paths;
    }

    /** The type a path gives, or {@code null} when a step of it does not resolve. */
    private static Type resolve(final Map<String, Type> variables, final String path) {
        String[] steps = path.split("\\.");
        Type type = variables.get(steps[0]);
        for (int i = 1; i < steps.length && type != null; i++) {
            type = step(type, steps[i]);
        }
        return type;
    }

    private static Type step(final Type owner, final String step) {
        Class<?> raw = raw(owner);
        int call = step.indexOf('(');
        if (call > 0) {
            String name = step.substring(0, call);
            if ("get".equals(name) && Collection.class.isAssignableFrom(raw)) {
                return element(owner);
            }
            return method(raw, name);
        }
        String capitalised = step.substring(0, 1).toUpperCase(Locale.ROOT) + step.substring(1);
        Type getter = method(raw, "get" + capitalised);
        return getter != null ? getter : method(raw, "is" + capitalised);
    }

    private static Type method(final Class<?> owner, final String name) {
        try {
            Method method = owner.getMethod(name);
            return method.getGenericReturnType();
        }
        catch (NoSuchMethodException missing) {
            return null;
        }
    }

    private static Type element(final Type collection) {
        return collection instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : Object.class;
    }

    private static Class<?> raw(final Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    private static String read(final Class<?> type, final String view) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + view)) {
            assertThat(in).as(type.getSimpleName() + "/" + view).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
