package io.mlgitops.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link MlflowServer} parameter: one real {@code mlflow server} per test run, started on first use
 * and stopped when the run ends. Without the Python virtual environment the test fails in CI and is skipped
 * elsewhere ({@link TestEnvironment#requireService}).
 */
public final class MlflowServerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MlflowServerExtension.class);

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
        return parameter.getParameter().getType() == MlflowServer.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MlflowServer.class, type -> MlflowServer.start(), MlflowServer.class);
    }
}
