// A push consumer from the official Java client, with message trace on and CONSUME_FROM_FIRST_OFFSET.
// java -cp '<rocketmq lib>/*' Consumer.java --ns 127.0.0.1:9876 --group lab_cg_cluster --topic LabTopic
//      [--model CLUSTERING|BROADCASTING] [--filter '*' | 'TagA || TagB' | 'sql:a > 5'] [--idle 15] [--max 120]
//      [--expect N] [--instance name] [--sleep-ms 0] [--threads 20]
//      [--fail-keys <prefix> (answer RECONSUME_LATER for messages whose keys start with it: the broker redelivers
//       them through %RETRY%<group>, and past --max-reconsume times moves them to %DLQ%<group>)]
//      [--max-reconsume N (the client's maxReconsumeTimes; 0 = a failed message goes straight to the DLQ)]
//      [--print true (prints "msg <msgId>" for each message consumed)]
//      [--orderly true (MessageListenerOrderly: the client locks each queue on the broker)]
//      [--suspend-keys <prefix> (orderly: answer SUSPEND_CURRENT_QUEUE_A_MOMENT for messages whose keys start with it,
//       so their queue stops moving: a stuck ordered queue, as an operator meets one)]
// Exits after --expect messages, after --idle seconds without a message, or after --max seconds (0 = never),
// then shuts down, which commits its offsets and unregisters. Prints "consumed N" at the end.
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;

public class Consumer {
    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        String group = a.getOrDefault("group", "lab_cg_cluster");
        String topic = a.getOrDefault("topic", "LabTopic");
        String model = a.getOrDefault("model", "CLUSTERING");
        String filter = a.getOrDefault("filter", "*");
        long idleMs = Long.parseLong(a.getOrDefault("idle", "15")) * 1000;
        long maxMs = Long.parseLong(a.getOrDefault("max", "120")) * 1000;
        int expect = Integer.parseInt(a.getOrDefault("expect", "0"));
        long sleepMs = Long.parseLong(a.getOrDefault("sleep-ms", "0"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "20"));
        boolean orderly = "true".equals(a.get("orderly"));
        boolean print = "true".equals(a.get("print"));
        String failKeys = a.get("fail-keys");
        String suspendKeys = a.get("suspend-keys");

        AtomicInteger consumed = new AtomicInteger();
        AtomicLong last = new AtomicLong(System.currentTimeMillis());
        // start() asks the namesrv for the subscription's routes; on a busy machine that call can time out (the client
        // then closes its channel and start() throws IllegalStateException, CI: "send request to <127.0.0.1:9876>
        // failed"). A consumer cannot start twice: a new one, up to 10 tries a few seconds apart.
        DefaultMQPushConsumer consumer = null;
        for (int attempt = 0; consumer == null; attempt++) {
            DefaultMQPushConsumer candidate = newConsumer(a, group, topic, model, filter, threads, sleepMs, failKeys, suspendKeys, print, orderly, consumed, last);
            try {
                candidate.start();
                consumer = candidate;
            } catch (Exception e) {
                candidate.shutdown();
                if (attempt >= 9) throw e;
                System.out.println("start failed (" + e.getMessage() + "): trying again");
                Thread.sleep(3000);
            }
        }
        final DefaultMQPushConsumer started = consumer;
        // SIGTERM (stop-cluster.sh, tests) shuts down cleanly too: offsets committed, client unregistered
        AtomicBoolean stopped = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopped.compareAndSet(false, true)) started.shutdown();
        }));
        long start = System.currentTimeMillis();
        System.out.println("started " + group + " " + model + " " + filter + (orderly ? " orderly" : ""));
        while (true) {
            Thread.sleep(200);
            long now = System.currentTimeMillis();
            if (expect > 0 && consumed.get() >= expect) break;
            if (idleMs > 0 && now - last.get() > idleMs) break;
            if (maxMs > 0 && now - start > maxMs) break;
        }
        Thread.sleep(1000); // lets the last offsets and trace records go out before shutdown
        if (!"BROADCASTING".equals(model)) commitOffsets(consumer);
        if (stopped.compareAndSet(false, true)) consumer.shutdown();
        System.out.println("consumed " + consumed.get());
    }

    static DefaultMQPushConsumer newConsumer(Map<String, String> a, String group, String topic, String model, String filter, int threads,
            long sleepMs, String failKeys, String suspendKeys, boolean print, boolean orderly, AtomicInteger consumed, AtomicLong last) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, aclHook(), new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely(), true, null);
        consumer.setNamesrvAddr(a.getOrDefault("ns", "127.0.0.1:9876"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setInstanceName(a.getOrDefault("instance", group + "-" + ProcessHandle.current().pid()));
        // a SQL92 subscription is only served once the broker has the heartbeat that carries its newest subVersion;
        // a heartbeat skipped during rebalance would otherwise wait the default 30 s
        consumer.setHeartbeatBrokerInterval(3000);
        consumer.setConsumeThreadMin(threads);
        consumer.setConsumeThreadMax(threads);
        if (sleepMs > 0 || failKeys != null) consumer.setConsumeMessageBatchMaxSize(1);
        if (a.containsKey("max-reconsume")) consumer.setMaxReconsumeTimes(Integer.parseInt(a.get("max-reconsume")));
        setMessageModel(consumer, model);
        if (filter.startsWith("sql:")) {
            consumer.subscribe(topic, MessageSelector.bySql(filter.substring(4)));
        } else {
            consumer.subscribe(topic, filter);
        }
        if (orderly) {
            consumer.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
                for (var m : msgs) {
                    if (suspendKeys != null && m.getKeys() != null && m.getKeys().startsWith(suspendKeys)) {
                        return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                    }
                }
                consumed.addAndGet(msgs.size());
                last.set(System.currentTimeMillis());
                return ConsumeOrderlyStatus.SUCCESS;
            });
        } else {
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                if (sleepMs > 0) {
                    try { Thread.sleep(sleepMs); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                }
                if (failKeys != null && msgs.get(0).getKeys() != null && msgs.get(0).getKeys().startsWith(failKeys)) {
                    System.out.println("failed " + msgs.get(0).getMsgId());
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
                if (print) for (var m : msgs) System.out.println("msg " + m.getMsgId());
                consumed.addAndGet(msgs.size());
                last.set(System.currentTimeMillis());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        }
        return consumer;
    }

    // shutdown() commits the offsets one way and closes the channels at once: on a busy machine a queue's last commit
    // could be lost (the group then has no offset there), so the seeded groups commit each queue and wait for the answer
    static void commitOffsets(DefaultMQPushConsumer consumer) {
        var impl = consumer.getDefaultMQPushConsumerImpl();
        var store = impl.getOffsetStore();
        int committed = 0;
        for (var mq : impl.getRebalanceImpl().getProcessQueueTable().keySet()) {
            long offset = store.readOffset(mq, org.apache.rocketmq.client.consumer.store.ReadOffsetType.READ_FROM_MEMORY);
            if (offset < 0) continue;
            try {
                store.updateConsumeOffsetToBroker(mq, offset, false);
                committed++;
            } catch (Exception e) {
                System.out.println("commit of " + mq + " failed: " + e);
            }
        }
        System.out.println("committed " + committed + " queues");
    }

    // MessageModel moved package between 4.x (common.protocol.heartbeat) and 5.x (remoting.protocol.heartbeat)
    static void setMessageModel(DefaultMQPushConsumer consumer, String model) throws Exception {
        for (Method m : consumer.getClass().getMethods()) {
            if (m.getName().equals("setMessageModel")) {
                Class<?> enumType = m.getParameterTypes()[0];
                for (Object c : enumType.getEnumConstants()) {
                    if (c.toString().equals(model)) { m.invoke(consumer, c); return; }
                }
            }
        }
        throw new IllegalArgumentException("unknown message model " + model);
    }

    /** On a sandbox with access control (SANDBOX_AUTH=on), the client signs as RMQ_ACCESS_KEY (sandbox/scripts/auth.sh). */
    static org.apache.rocketmq.remoting.RPCHook aclHook() {
        String accessKey = System.getenv("RMQ_ACCESS_KEY");
        if (accessKey == null || accessKey.isEmpty()) return null;
        return new org.apache.rocketmq.acl.common.AclClientRPCHook(new org.apache.rocketmq.acl.common.SessionCredentials(accessKey, System.getenv("RMQ_SECRET_KEY")));
    }
}
