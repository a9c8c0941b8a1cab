package io.jenkins.plugins.mlgitops.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.mlgitops.config.settings.Validation;

/** Jenkins' form answers for the Jenkins-free {@link Validation}. */
final class FormValidations {
    private FormValidations() {
    }

    static FormValidation of(final Validation validation) {
        return switch (validation.kind()) {
            case OK -> FormValidation.ok();
            case WARNING -> FormValidation.warning(validation.message());
            case ERROR -> FormValidation.error(validation.message());
        };
    }
}
