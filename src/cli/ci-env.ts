import type { SarifOptions } from '../core/report/sarif';

/**
 * What the CLI reads from the CI system it runs in. Only Azure Pipelines needs anything: its
 * Advanced Security ingestion keys a SARIF run by the pipeline's build definition and phase,
 * given in `automationDetails` (Microsoft's SARIF validator checks them under its Azure DevOps
 * rule set). The values are the predefined variables Azure sets in every job.
 */

const PREFIX = 'azuredevops/pipeline/build/';

/** `automationDetails` for a run inside Azure Pipelines (`TF_BUILD=True`), or undefined elsewhere. */
export function azureAutomationDetails(env: NodeJS.ProcessEnv): { id: string; properties: Record<string, string> } | undefined {
  if (env.TF_BUILD?.toLowerCase() !== 'true') return undefined;
  // https://dev.azure.com/ORG/ or https://ORG.visualstudio.com/
  const collection = env.SYSTEM_COLLECTIONURI ?? '';
  const org = /^https?:\/\/dev\.azure\.com\/([^/]+)/i.exec(collection)?.[1] ?? /^https?:\/\/([^./]+)\.visualstudio\.com/i.exec(collection)?.[1] ?? 'unknown';
  const project = env.SYSTEM_TEAMPROJECT || 'unknown';
  // -1 is the validator's sentinel for a run not tied to a saved definition.
  const definitionId = /^\d+$/.test(env.SYSTEM_DEFINITIONID ?? '') ? (env.SYSTEM_DEFINITIONID as string) : '-1';
  const definitionName = env.BUILD_DEFINITIONNAME || 'unknown';
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const phaseId = [env.SYSTEM_PHASEID, env.SYSTEM_JOBID].find((v) => v && guid.test(v)) ?? '00000000-0000-0000-0000-000000000000';
  const phaseName = env.SYSTEM_PHASENAME || env.SYSTEM_JOBNAME || 'unknown';
  const branch = env.BUILD_SOURCEBRANCH || 'unknown';
  const buildId = env.BUILD_BUILDID || '0';
  return {
    id: `${PREFIX}${org}/${project}/${definitionId}/${phaseId}/${branch}/${buildId}`,
    properties: {
      [`${PREFIX}buildDefinitionId`]: definitionId,
      [`${PREFIX}buildDefinitionName`]: definitionName,
      [`${PREFIX}phaseId`]: phaseId,
      [`${PREFIX}phaseName`]: phaseName,
    },
  };
}

/** The SARIF options of a run: the category asked for, and Azure's pipeline details when it runs there. */
export function sarifOptions(category: string | undefined, env: NodeJS.ProcessEnv): SarifOptions {
  const azure = azureAutomationDetails(env);
  return { ...(category ? { category } : {}), ...(azure && !category ? { automationDetails: azure } : {}) };
}
