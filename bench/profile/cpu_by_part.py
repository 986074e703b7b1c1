"""Sums a speedscope export of a dotnet-sampled-thread-time trace: only samples on CPU, by part of the
ingestion path (first matching rule wins), then the busiest frames."""
import collections
import json
import sys

RULES = [
    ("thread pool workers spinning for work", ["LowLevelLifoSemaphore.Wait", "LowLevelSpinWaiter"]),
    ("threads held at a GC poll", ["PollGCWorker"]),
    ("GrainFactory.GetGrain (interface resolved by reflection)", ["GrainFactory.GetGrain"]),
    ("state write (whole record serialized, storage call)", ["StateStorageBridge", "MemoryGrainStorage", "MemoryStorageGrain", "RedisGrainStorage"]),
    ("MQTT acknowledgements (one PUBACK write each)", ["AcknowledgeReceivedPublishPacket", "ReadingPipeline+<AcknowledgeAsync>"]),
    ("MQTT outbox (retained tank status, alerts)", ["MqttOutbox"]),
    ("camp grain", ["CampGrain"]),
    ("tank grain and TankModel", ["TankGrain", "TankModel"]),
    ("MQTT receive and parse", ["MqttClient+<ReceivePacketsLoop>", "MqttChannelAdapter+<Receive", "MqttIngestion", "NativePayloadParser", "MqttTcpChannel+<ReadAsync>"]),
    ("ingestion lanes", ["ReadingPipeline"]),
    ("Orleans messaging and scheduling", ["Orleans."]),
    ("sockets, other", ["System.Net.Sockets"]),
    ("everything else (HTTP, metrics, timers, unresolved)", [""]),
]


def main(path):
    data = json.load(open(path))
    frames = [f["name"].split("!", 1)[-1] for f in data["shared"]["frames"]]
    parts, inclusive, total = collections.Counter(), collections.Counter(), 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            if last is not None and len(stack) > 1 and frames[stack[-1]] == "CPU_TIME":
                weight = event["at"] - last
                total += weight
                names = [frames[f] for f in stack[:-1]]
                parts[next(label for label, keys in RULES if any(k in n for k in keys for n in names))] += weight
                for name in set(names):
                    inclusive[name] += weight
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    print(f"| part of the path | share of CPU samples ({total / 1000:.0f} s) |\n| --- | ---: |")
    for label, _ in RULES:
        print(f"| {label} | {100 * parts[label] / total:.0f} % |")
    print("\nbusiest frames (inclusive):")
    for name, weight in inclusive.most_common(60):
        if not any(k in name for k in ("AsyncMethodBuilder", "AsyncStateMachineBox", "ExecutionContext", "Thread (", "Process64", "Threads", "Non-Activities")):
            print(f"{100 * weight / total:6.1f}% {name[:140]}")


if __name__ == "__main__":
    main(sys.argv[1])
