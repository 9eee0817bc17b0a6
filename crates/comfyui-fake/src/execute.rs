//! The prompt worker: one prompt at a time in queue order, with ComfyUI's messages, cache,
//! history and cooperative interrupt (main.py's `prompt_worker`, execution.py's
//! `PromptExecutor`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use serde_json::{json, Map, Value};

use crate::catalogue::class;
use crate::nodes::{current_inputs, stamped, NodeFailure, NodeRun, Val};
use crate::state::{QueueItem, Shared};
use crate::validate::on_deep_stack;

/// ComfyUI keeps this many history entries.
const MAXIMUM_HISTORY_SIZE: usize = 10_000;

/// A node's outputs kept for the next prompt, keyed by its input signature.
#[derive(Clone)]
struct Cached {
    outputs: Vec<Val>,
    ui: Option<Value>,
}

/// How one prompt ended.
struct Run {
    success: bool,
    messages: Vec<Value>,
    outputs: Value,
    meta: Value,
}

pub(crate) struct Executor {
    pub shared: Arc<Shared>,
    /// ComfyUI's classic cache: only what the latest prompt used survives.
    cache: HashMap<String, Cached>,
}

impl Executor {
    pub fn new(shared: Arc<Shared>) -> Self {
        Self {
            shared,
            cache: HashMap::new(),
        }
    }

    pub async fn run_forever(mut self) {
        loop {
            let Some(item) = self.shared.start_next() else {
                self.shared.queued.notified().await;
                continue;
            };
            let run = self.execute(&item).await;
            let client = item.client_id();
            {
                let mut inner = self.shared.lock();
                inner.running = None;
                inner.current_client = None;
                inner.last_node = None;
                let entry = json!({
                    "prompt": item.to_json(),
                    "outputs": run.outputs,
                    "status": {
                        "status_str": if run.success { "success" } else { "error" },
                        "completed": run.success,
                        "messages": run.messages,
                    },
                    "meta": run.meta,
                });
                if let Some(slot) = inner
                    .history
                    .iter_mut()
                    .find(|(id, _)| *id == item.prompt_id)
                {
                    slot.1 = entry;
                } else {
                    if inner.history.len() > MAXIMUM_HISTORY_SIZE {
                        inner.history.remove(0);
                    }
                    inner.history.push((item.prompt_id.clone(), entry));
                }
            }
            self.shared.queue_updated();
            // The end marker, after the history is written.
            if let Some(client) = client {
                self.shared.send(
                    "executing",
                    json!({"node": null, "prompt_id": item.prompt_id}),
                    Some(&client),
                );
            }
        }
    }

    async fn execute(&mut self, item: &QueueItem) -> Run {
        let shared = self.shared.clone();
        shared.interrupt.store(false, Ordering::SeqCst);
        let client = item.client_id();
        let sid = client.as_deref();
        shared.lock().current_client.clone_from(&client);
        let prompt_id = item.prompt_id.as_str();
        let graph = item.graph.as_object().cloned().unwrap_or_default();
        let mut messages = Vec::new();
        let mut add = |event: &str, data: Value, broadcast: bool| {
            let data = stamped(data);
            messages.push(json!([event, data]));
            if sid.is_some() || broadcast {
                shared.send(event, data, sid);
            }
        };
        add("execution_start", json!({"prompt_id": prompt_id}), false);

        let signatures = on_deep_stack(|| signatures(&graph));
        let in_use: BTreeSet<&String> = signatures.values().collect();
        self.cache.retain(|sig, _| in_use.contains(sig));
        let is_cached = |id: &str| {
            signatures
                .get(id)
                .is_some_and(|sig| self.cache.contains_key(sig))
        };
        let cached_nodes: Vec<&String> = graph.keys().filter(|id| is_cached(id)).collect();
        let current_outputs = json!(graph.keys().collect::<Vec<_>>());
        add(
            "execution_cached",
            json!({"nodes": cached_nodes, "prompt_id": prompt_id}),
            false,
        );
        let cached_now: BTreeSet<&String> = graph.keys().filter(|id| is_cached(id)).collect();
        let order = on_deep_stack(|| {
            execution_order(&graph, &item.outputs, &|id: &str| {
                cached_now.iter().any(|c| c.as_str() == id)
            })
        });

        let mut values: HashMap<String, Vec<Val>> = HashMap::new();
        let mut executed: Vec<String> = Vec::new();
        let mut states: BTreeMap<String, &str> = BTreeMap::new();
        let mut success = true;
        for id in order {
            let node = &graph[&id];
            let class_type = node["class_type"].as_str().unwrap_or_default().to_owned();
            let signature = signatures.get(&id).cloned().unwrap_or_default();
            if let Some(cached) = self.cache.get(&signature) {
                if sid.is_some() {
                    shared.send(
                        "executed",
                        json!({"node": id, "display_node": id, "output": cached.ui, "prompt_id": prompt_id}),
                        sid,
                    );
                }
                values.insert(id.clone(), cached.outputs.clone());
                continue;
            }
            states.insert(id.clone(), "running");
            self.progress_state(prompt_id, &states, sid);
            shared.lock().last_node = Some(id.clone());
            if sid.is_some() {
                shared.send(
                    "executing",
                    json!({"node": id, "display_node": id, "prompt_id": prompt_id}),
                    sid,
                );
            }
            let links = resolve_links(node, &values, &signatures, &self.cache);
            // Validation let only known classes through.
            let Some(action) = class(&class_type, &shared.checkpoints).map(|c| c.action) else {
                continue;
            };
            let outcome = if shared.interrupt.load(Ordering::SeqCst) {
                Err(NodeFailure::Interrupted)
            } else {
                NodeRun {
                    shared: &shared,
                    id: &id,
                    action,
                    literals: &node["inputs"],
                    links: links.clone(),
                    prompt_id,
                    client: sid,
                    graph: &item.graph,
                    extra_data: &item.extra_data,
                }
                .run()
                .await
            };
            match outcome {
                Ok((outputs, ui)) => {
                    if let (Some(ui), true) = (&ui, sid.is_some()) {
                        shared.send(
                            "executed",
                            json!({"node": id, "display_node": id, "output": ui, "prompt_id": prompt_id}),
                            sid,
                        );
                    }
                    self.cache.insert(
                        signature,
                        Cached {
                            outputs: outputs.clone(),
                            ui,
                        },
                    );
                    values.insert(id.clone(), outputs);
                    executed.push(id.clone());
                    states.insert(id.clone(), "finished");
                    self.progress_state(prompt_id, &states, sid);
                }
                Err(NodeFailure::Interrupted) => {
                    success = false;
                    add(
                        "execution_interrupted",
                        json!({"prompt_id": prompt_id, "node_id": id, "node_type": class_type, "executed": executed}),
                        true,
                    );
                    break;
                }
                Err(NodeFailure::Raised {
                    exception_type,
                    message,
                }) => {
                    success = false;
                    add(
                        "execution_error",
                        json!({
                            "prompt_id": prompt_id, "node_id": id, "node_type": class_type,
                            "executed": executed,
                            "exception_message": format!("{message}\n"),
                            "exception_type": exception_type,
                            "traceback": ["  File \"execution.py\", line 496, in execute\n"],
                            "current_inputs": current_inputs(&node["inputs"], &links, action, &item.graph),
                            "current_outputs": current_outputs,
                        }),
                        false,
                    );
                    break;
                }
            }
        }
        if success {
            add("execution_success", json!({"prompt_id": prompt_id}), false);
        }
        let (mut outputs, mut meta) = (Map::new(), Map::new());
        for (id, signature) in &signatures {
            if let Some(ui) = self.cache.get(signature).and_then(|c| c.ui.clone()) {
                outputs.insert(id.clone(), ui);
                meta.insert(
                    id.clone(),
                    json!({"node_id": id, "display_node": id, "parent_node": null, "real_node_id": id}),
                );
            }
        }
        Run {
            success,
            messages,
            outputs: Value::Object(outputs),
            meta: Value::Object(meta),
        }
    }

    fn progress_state(&self, prompt_id: &str, states: &BTreeMap<String, &str>, sid: Option<&str>) {
        let nodes: Map<String, Value> = states
            .iter()
            .map(|(id, state)| {
                let done = *state == "finished";
                (
                    id.clone(),
                    json!({
                        "value": if done { 1.0 } else { 0.0 }, "max": 1.0, "state": state,
                        "node_id": id, "prompt_id": prompt_id, "display_node_id": id,
                        "parent_node_id": null, "real_node_id": id,
                    }),
                )
            })
            .collect();
        self.shared.send(
            "progress_state",
            json!({"prompt_id": prompt_id, "nodes": nodes}),
            sid,
        );
    }
}

/// A link's source node id, when `value` is a link.
fn link_source(value: &Value) -> Option<(String, usize)> {
    let link = value.as_array()?;
    let id = match link.first()? {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Some((id, link.get(1)?.as_u64()? as usize))
}

fn resolve_links(
    node: &Value,
    values: &HashMap<String, Vec<Val>>,
    signatures: &HashMap<String, String>,
    cache: &HashMap<String, Cached>,
) -> Vec<(String, Val)> {
    let mut links = Vec::new();
    if let Some(inputs) = node["inputs"].as_object() {
        for (name, value) in inputs {
            let Some((from, slot)) = link_source(value) else {
                continue;
            };
            let outputs = values.get(&from).or_else(|| {
                signatures
                    .get(&from)
                    .and_then(|sig| cache.get(sig))
                    .map(|c| &c.outputs)
            });
            if let Some(v) = outputs.and_then(|o| o.get(slot)) {
                links.push((name.clone(), v.clone()));
            }
        }
    }
    links
}

/// Each node's input signature: its class and inputs with links replaced by their source's
/// signature, so an identical subgraph has an identical signature.
fn signatures(graph: &Map<String, Value>) -> HashMap<String, String> {
    fn of(
        id: &str,
        graph: &Map<String, Value>,
        memo: &mut HashMap<String, String>,
        visiting: &mut BTreeSet<String>,
    ) -> String {
        if let Some(sig) = memo.get(id) {
            return sig.clone();
        }
        let Some(node) = graph.get(id) else {
            return "missing".to_owned();
        };
        // Past the depth validation allows, only unreachable nodes: they never run.
        if visiting.len() > crate::validate::MAX_DEPTH || !visiting.insert(id.to_owned()) {
            return "unrunnable".to_owned();
        }
        let mut inputs = Map::new();
        if let Some(map) = node["inputs"].as_object() {
            for (name, value) in map {
                let shown = match link_source(value) {
                    Some((from, slot)) => json!([of(&from, graph, memo, visiting), slot]),
                    None => value.clone(),
                };
                inputs.insert(name.clone(), shown);
            }
        }
        visiting.remove(id);
        // Hashed, so a long chain's signature stays short.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        json!([node["class_type"], inputs])
            .to_string()
            .hash(&mut hasher);
        let sig = format!("{:016x}", hasher.finish());
        memo.insert(id.to_owned(), sig.clone());
        sig
    }
    let mut memo = HashMap::new();
    for id in graph.keys() {
        of(id, graph, &mut memo, &mut BTreeSet::new());
    }
    memo
}

/// The nodes to run for `outputs`, sources first; a cached node's sources are not needed,
/// but every output node is visited (a cached one replays its files).
fn execution_order(
    graph: &Map<String, Value>,
    outputs: &[String],
    is_cached: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<String> {
    fn visit(
        id: &str,
        graph: &Map<String, Value>,
        is_cached: &(dyn Fn(&str) -> bool + Sync),
        order: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) {
        if !seen.insert(id.to_owned()) {
            return;
        }
        if !is_cached(id) {
            if let Some(inputs) = graph.get(id).and_then(|n| n["inputs"].as_object()) {
                for value in inputs.values() {
                    if let Some((from, _)) = link_source(value) {
                        if !is_cached(&from) {
                            visit(&from, graph, is_cached, order, seen);
                        }
                    }
                }
            }
        }
        order.push(id.to_owned());
    }
    let mut order = Vec::new();
    let mut seen = BTreeSet::new();
    for output in outputs {
        visit(output, graph, is_cached, &mut order, &mut seen);
    }
    order
}
