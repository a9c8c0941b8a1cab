/**
 * GitOps promotion: manifest edits that keep every other byte, the {@link io.mlgitops.gitops.GitOpsRepository} port
 * with safe concurrent pushes, pull requests, Argo CD sync, promotion records and rollback.
 */
package io.mlgitops.gitops;
