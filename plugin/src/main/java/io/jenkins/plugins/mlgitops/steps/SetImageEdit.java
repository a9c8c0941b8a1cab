package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.mlgitops.steps.engine.EditSpec;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code setImage(file: 'environments/staging/kustomization.yaml', image: 'registry.example.com/churn-model',
 * tag: 'v{{version}}')}: a kustomization's {@code images} entry, like {@code kustomize edit set image} (the
 * {@code --set-image} option of {@code mlgitops promote}).
 */
public final class SetImageEdit extends ManifestEditBlock {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String image;
    private String newName;
    private String tag;
    private String digest;

    @DataBoundConstructor
    public SetImageEdit(final String file, final String image) {
        this.file = file;
        this.image = image;
    }

    public String getFile() {
        return file;
    }

    public String getImage() {
        return image;
    }

    public String getNewName() {
        return newName;
    }

    @DataBoundSetter
    public void setNewName(final String newName) {
        this.newName = newName;
    }

    public String getTag() {
        return tag;
    }

    @DataBoundSetter
    public void setTag(final String tag) {
        this.tag = tag;
    }

    public String getDigest() {
        return digest;
    }

    @DataBoundSetter
    public void setDigest(final String digest) {
        this.digest = digest;
    }

    @Override
    EditSpec toSpec() {
        return EditSpec.setImage(file, image, newName, tag, digest);
    }

    /** Makes {@code setImage(...)} available in Pipeline scripts and the Snippet Generator. */
    @Extension
    @Symbol("setImage")
    public static final class DescriptorImpl extends Descriptor<ManifestEditBlock> {
        @Override
        public String getDisplayName() {
            return "Set a kustomization image";
        }
    }
}
