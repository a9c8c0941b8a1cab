package io.jenkins.plugins.mlgitops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlgitops.steps.engine.ComplianceRequest;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mlComplianceCheck}: a model release judged against policy files and built-in packs (model card, fairness,
 * data expectations, drift, vulnerability reports, SBOM licences, model files, approval). Every parameter is optional
 * on its own, but at least one of {@code policies} and {@code packs} must be given; names are those of
 * {@code mlgitops compliance}'s options in camelCase, repeatable options in the plural.
 */
public final class MlComplianceCheckStep extends TabularDataStep {
    static final String FUNCTION_NAME = "mlComplianceCheck";

    private List<String> policies = new ArrayList<>();
    private List<String> packs = new ArrayList<>();
    private String modelType;
    private String region;
    private String dataset;
    private String target;
    private String predictions;
    private List<String> features = new ArrayList<>();
    private String referenceDataset;
    private List<String> sensitive = new ArrayList<>();
    private String modelCard;
    private List<String> securityReports = new ArrayList<>();
    private String sbom;
    private String modelDir;
    private String benchmarkReport;
    private String approvedBy;

    @DataBoundConstructor
    public MlComplianceCheckStep() {
        // every parameter is a @DataBoundSetter
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new EngineExecution(context, FUNCTION_NAME, (build, variables) -> withMlflowServer(build, variables,
                url -> request().mlflowUrl(url)), isUnstableOnFailure());
    }

    @Override
    String functionName() {
        return FUNCTION_NAME;
    }

    /** The Jenkins-free request these parameters make. */
    ComplianceRequest request() {
        return new ComplianceRequest().policies(policies).packs(packs).modelType(modelType).region(region)
                .dataset(dataset).target(target).predictions(predictions).features(features)
                .referenceDataset(referenceDataset).sensitive(sensitive).modelCard(modelCard)
                .securityReports(securityReports).sbom(sbom).modelDir(modelDir).benchmarkReport(benchmarkReport)
                .approvedBy(approvedBy).threads(getThreads()).delimiter(getDelimiter()).mlflowUrl(getMlflowUrl())
                .report(getReport());
    }

    public List<String> getPolicies() {
        return policies;
    }

    @DataBoundSetter
    public void setPolicies(final List<String> policies) {
        this.policies = policies == null ? new ArrayList<>() : new ArrayList<>(policies);
    }

    public List<String> getPacks() {
        return packs;
    }

    @DataBoundSetter
    public void setPacks(final List<String> packs) {
        this.packs = packs == null ? new ArrayList<>() : new ArrayList<>(packs);
    }

    public String getModelType() {
        return modelType;
    }

    @DataBoundSetter
    public void setModelType(final String modelType) {
        this.modelType = modelType;
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(final String region) {
        this.region = region;
    }

    public String getDataset() {
        return dataset;
    }

    @DataBoundSetter
    public void setDataset(final String dataset) {
        this.dataset = dataset;
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(final String target) {
        this.target = target;
    }

    public String getPredictions() {
        return predictions;
    }

    @DataBoundSetter
    public void setPredictions(final String predictions) {
        this.predictions = predictions;
    }

    public List<String> getFeatures() {
        return features;
    }

    @DataBoundSetter
    public void setFeatures(final List<String> features) {
        this.features = features == null ? new ArrayList<>() : new ArrayList<>(features);
    }

    public String getReferenceDataset() {
        return referenceDataset;
    }

    @DataBoundSetter
    public void setReferenceDataset(final String referenceDataset) {
        this.referenceDataset = referenceDataset;
    }

    public List<String> getSensitive() {
        return sensitive;
    }

    @DataBoundSetter
    public void setSensitive(final List<String> sensitive) {
        this.sensitive = sensitive == null ? new ArrayList<>() : new ArrayList<>(sensitive);
    }

    public String getModelCard() {
        return modelCard;
    }

    @DataBoundSetter
    public void setModelCard(final String modelCard) {
        this.modelCard = modelCard;
    }

    public List<String> getSecurityReports() {
        return securityReports;
    }

    @DataBoundSetter
    public void setSecurityReports(final List<String> securityReports) {
        this.securityReports = securityReports == null ? new ArrayList<>() : new ArrayList<>(securityReports);
    }

    public String getSbom() {
        return sbom;
    }

    @DataBoundSetter
    public void setSbom(final String sbom) {
        this.sbom = sbom;
    }

    public String getModelDir() {
        return modelDir;
    }

    @DataBoundSetter
    public void setModelDir(final String modelDir) {
        this.modelDir = modelDir;
    }

    public String getBenchmarkReport() {
        return benchmarkReport;
    }

    @DataBoundSetter
    public void setBenchmarkReport(final String benchmarkReport) {
        this.benchmarkReport = benchmarkReport;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    @DataBoundSetter
    public void setApprovedBy(final String approvedBy) {
        this.approvedBy = approvedBy;
    }

    /** Registers {@code mlComplianceCheck}. */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends WorkspaceStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ML GitOps: check a model release against compliance policies");
        }
    }
}
