package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.mlgitops.steps.engine.EditSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code setValue(file: 'environments/prod/inference.yaml', path: 'spec.predictor.model.storageUri',
 * value: 's3://models/churn/{{version}}')}: a scalar at a dotted path in a YAML file (the {@code --set} option of
 * {@code mlgitops promote}).
 */
public final class SetValueEdit extends ManifestEditBlock {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;
    private final String value;
    private String document;

    @DataBoundConstructor
    public SetValueEdit(final String file, final String path, final String value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    public String getFile() {
        return file;
    }

    public String getPath() {
        return path;
    }

    public String getValue() {
        return value;
    }

    public String getDocument() {
        return document;
    }

    /** Which document of a multi-document file: a 0-based index or {@code Kind/name}. */
    @DataBoundSetter
    public void setDocument(final String document) {
        this.document = document;
    }

    @Override
    EditSpec toSpec() {
        return EditSpec.setValue(file, path, value, document);
    }

    /** Makes {@code setValue(...)} available in Pipeline scripts and the Snippet Generator. */
    @Extension
    @Symbol("setValue")
    public static final class DescriptorImpl extends Descriptor<ManifestEditBlock> {
        @Override
        public String getDisplayName() {
            return "Set a value in a YAML file";
        }
    }
}
