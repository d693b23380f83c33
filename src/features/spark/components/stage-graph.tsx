import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { RowLink as CellLink } from '../../../components/data-table';
import { ErrorPanel } from '../../../components/error-panel';
import type { RddOperationCluster, RddOperationGraph, RddOperationNode } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { stageGraphQuery } from '../api/spark-queries';

/** Every node of a cluster and of the clusters inside it. */
function nodesOf(cluster: RddOperationCluster): RddOperationNode[] {
  return [...(cluster.childNodes ?? []), ...(cluster.childClusters ?? []).flatMap(nodesOf)];
}

/**
 * The order data flows in: each RDD after those it reads (Kahn's algorithm over the edges), ties
 * by ID, which is the order Spark created them in.
 */
export function flowOrder(graph: RddOperationGraph): Map<number, number> {
  const ids = graph.rootCluster ? nodesOf(graph.rootCluster).map((n) => n.nodeId ?? 0) : [];
  const inputs = new Map(ids.map((id) => [id, 0]));
  const next = new Map<number, number[]>();
  for (const { fromId = 0, toId = 0 } of graph.edges ?? []) {
    if (!inputs.has(fromId) || !inputs.has(toId)) continue;
    inputs.set(toId, inputs.get(toId)! + 1);
    next.set(fromId, [...(next.get(fromId) ?? []), toId]);
  }
  const ready = ids.filter((id) => inputs.get(id) === 0).sort((a, b) => a - b);
  const order = new Map<number, number>();
  while (ready.length) {
    const id = ready.shift()!;
    order.set(id, order.size);
    for (const to of next.get(id) ?? []) {
      inputs.set(to, inputs.get(to)! - 1);
      if (inputs.get(to) === 0) ready.push(to);
    }
    ready.sort((a, b) => a - b);
  }
  // A cycle (never in Spark) would leave nodes out: they go last, by ID.
  for (const id of [...ids].sort((a, b) => a - b)) if (!order.has(id)) order.set(id, order.size);
  return order;
}

type Step = { kind: 'cluster'; cluster: RddOperationCluster } | { kind: 'node'; node: RddOperationNode };

/** The root's clusters and loose nodes, in the order their first RDD is computed. */
function steps(graph: RddOperationGraph, order: Map<number, number>): Step[] {
  const root = graph.rootCluster;
  if (!root) return [];
  const first = (nodes: RddOperationNode[]) => Math.min(...nodes.map((n) => order.get(n.nodeId ?? 0) ?? 0));
  return [
    ...(root.childClusters ?? []).map((cluster) => ({
      kind: 'cluster' as const,
      cluster,
      at: first(nodesOf(cluster)),
    })),
    ...(root.childNodes ?? []).map((node) => ({ kind: 'node' as const, node, at: first([node]) })),
  ]
    .sort((a, b) => a.at - b.at)
    .map(({ at: _, ...step }) => step);
}

const rddLabel = (node: RddOperationNode) =>
  `${node.name ?? 'RDD'} [${node.nodeId ?? '?'}]${node.cached ? ', cached' : ''}${node.barrier ? ', barrier' : ''}`;

/**
 * How the stage computes its output (the Spark UI's "DAG visualization" of a stage): the RDDs from
 * accessStageRddGraph inside the boxes of the operators that made them, in the order data flows, as
 * an ordered list, so the drawing is also its own text; the arrows between steps are for the eye.
 */
export function StageGraph({
  app,
  stageId,
  parentHref,
}: {
  app: AppRef;
  stageId: string;
  /** Links to the stages this one reads from (its parentStageIds), when known. */
  parentHref: { stageId: string; href: string }[];
}) {
  const query = useQuery(stageGraphQuery(app, stageId));
  const graph = query.data?.rddOperationGraph;
  const order = graph ? flowOrder(graph) : new Map<number, number>();
  const list = graph ? steps(graph, order) : [];
  const incoming = graph?.incomingEdges ?? [];
  const outgoing = graph?.outgoingEdges ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="stage-graph-title">
      <Typography id="stage-graph-title" variant="subtitle1" component="h4" gutterBottom>
        How the stage computes (RDD graph)
      </Typography>
      {query.isPending && <Typography role="status">Loading the stage graph…</Typography>}
      {query.isError && (
        <ErrorPanel error={query.error} what="the stage graph" onRetry={() => void query.refetch()} />
      )}
      {graph && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="stage-graph-summary">
            {order.size} RDD{order.size === 1 ? '' : 's'} in {list.length} step{list.length === 1 ? '' : 's'}
            {incoming.length
              ? `; reads ${incoming.length === 1 ? 'RDD' : 'RDDs'} ${incoming.map((e) => e.fromId).join(', ')} from earlier stages`
              : '; reads no earlier stage'}
            {outgoing.length
              ? `; its output feeds ${outgoing.length === 1 ? 'RDD' : 'RDDs'} ${outgoing.map((e) => e.toId).join(', ')} of a later stage.`
              : '.'}
            {parentHref.length > 0 && (
              <>
                {' '}
                From:{' '}
                {parentHref.map((p, i) => (
                  <span key={p.stageId}>
                    {i > 0 && ', '}
                    <CellLink to={p.href}>stage {p.stageId}</CellLink>
                  </span>
                ))}
                .
              </>
            )}
          </Typography>
          <Box
            component="ol"
            aria-label={`RDD operations of stage ${stageId}, in the order data flows`}
            data-testid="stage-graph"
            sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0, maxWidth: '40rem' }}
          >
            {list.map((step, i) => (
              <Box
                component="li"
                key={step.kind === 'cluster' ? step.cluster.rddClusterId : step.node.nodeId}
                sx={{ m: 0 }}
              >
                {i > 0 && <Arrow />}
                {step.kind === 'cluster' ? (
                  <ClusterBox cluster={step.cluster} order={order} />
                ) : (
                  <NodeChip node={step.node} />
                )}
              </Box>
            ))}
          </Box>
        </>
      )}
    </Paper>
  );
}

function Arrow() {
  return (
    <Box aria-hidden="true" sx={{ textAlign: 'center', lineHeight: 1, color: 'text.secondary', py: 0.25 }}>
      ↓
    </Box>
  );
}

function ClusterBox({ cluster, order }: { cluster: RddOperationCluster; order: Map<number, number> }) {
  const nodes = [...(cluster.childNodes ?? [])].sort(
    (a, b) => (order.get(a.nodeId ?? 0) ?? 0) - (order.get(b.nodeId ?? 0) ?? 0),
  );
  return (
    <Box
      data-testid="graph-cluster"
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        px: 1.5,
        py: 1,
        bgcolor: 'action.hover',
        '& &': { bgcolor: 'background.paper', borderStyle: 'dashed', mt: 0.5 },
      }}
    >
      <Typography variant="body2" component="div" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
        {cluster.name}
      </Typography>
      {nodes.map((node) => (
        <NodeChip key={node.nodeId} node={node} />
      ))}
      {(cluster.childClusters ?? []).map((child) => (
        <ClusterBox key={child.rddClusterId} cluster={child} order={order} />
      ))}
    </Box>
  );
}

function NodeChip({ node }: { node: RddOperationNode }) {
  return (
    <Box
      data-testid="graph-node"
      data-node={node.nodeId}
      sx={{
        mt: 0.5,
        px: 1,
        py: 0.5,
        border: 1,
        borderColor: 'primary.main',
        borderRadius: 2,
        bgcolor: 'background.paper',
        overflowWrap: 'anywhere',
      }}
    >
      <Typography variant="body2" component="div">
        {rddLabel(node)}
      </Typography>
      {node.callsite && (
        <Typography variant="caption" component="div" color="text.secondary">
          {node.callsite}
        </Typography>
      )}
    </Box>
  );
}
