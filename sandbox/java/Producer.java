// Demo and test traffic from the official Java client, with message trace on.
// java -cp '<rocketmq lib>/*' Producer.java --ns 127.0.0.1:9876 --topic LabTopic --order-topic LabOrderTopic
//      --count 40 --run r1 [--out sent.tsv] [--rate 0 (messages/s; > 0 = keep sending until killed)]
//      [--extras false (normal messages only)] [--cust-mod 5 (keys CUST-0 .. CUST-<n-1>)]
//      [--waiting <topic>: instead, 2 messages at delay level 18 (2 h) and on 5.x 2 timer messages due in 2 h, so
//       the demo always has delayed messages waiting]
//      [--only-ordered N: just N ordered messages (keys O-<run>-<orderId>-<i>, orderId = i % 3) to --order-topic]
//      [--hold true: send nothing, stay connected (heartbeats) until killed: a producer group the console lists]
// Sends: <count> normal messages (tags TagA/TagB, keys "K-<run>-<i> CUST-<i%5>", properties a=<i>, color=red|blue),
// 3 delayed messages (delay level 2 = 5 s), one batch of 10, 12 ordered messages through a MessageQueueSelector
// (orderId 0..2), and on 5.x one timer message (deliver time now + 10 s).
// Prints one TSV line per message: kind key status msgId offsetMsgId brokerName queueId queueOffset
import java.io.FileWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;

public class Producer {
    static PrintWriter out;

    static int custMod = 5;

    static boolean routeKnown = false;

    /** Learns the topic's route and heartbeats to its brokers; false while the route is not known yet. */
    static boolean holdRound(org.apache.rocketmq.client.impl.factory.MQClientInstance factory, String topic) {
        try {
            // true only when the route changed, so a later unchanged lookup keeps what the first one learnt
            if (factory.updateTopicRouteInfoFromNameServer(topic)) routeKnown = true;
            if (!routeKnown) return false;
            factory.sendHeartbeatToAllBrokerWithLock();
            return true;
        } catch (RuntimeException e) {
            System.err.println("hold round failed: " + e);
            return false;
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        String ns = a.getOrDefault("ns", "127.0.0.1:9876");
        String topic = a.getOrDefault("topic", "LabTopic");
        String orderTopic = a.getOrDefault("order-topic", "LabOrderTopic");
        int count = Integer.parseInt(a.getOrDefault("count", "40"));
        String run = a.getOrDefault("run", "r1");
        double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
        boolean extras = !"false".equals(a.get("extras"));
        custMod = Integer.parseInt(a.getOrDefault("cust-mod", "5"));
        out = a.containsKey("out") ? new PrintWriter(new FileWriter(a.get("out"), true), true) : null;

        DefaultMQProducer producer = new DefaultMQProducer(a.getOrDefault("group", "lab_producer_group"), aclHook(), true, null);
        producer.setNamesrvAddr(ns);
        producer.setSendMsgTimeout(10000);
        producer.start();
        try {
            if ("true".equals(a.get("hold"))) {
                // a producer heartbeats only to the brokers of routes it knows; one that has not sent knows none, so
                // it learns LabOrderTopic's route (without sending) and heartbeats to its masters at once
                // (again every 20 s: the client refreshes only the routes of topics it sends to, so after a broker
                // restart it would not find its way back on its own)
                // A route lookup that times out on a loaded machine throws (CI, 4.9.8: IllegalStateException from
                // getTopicRouteInfoFromNameServer), so each round is retried instead of ending the holder.
                var factory = producer.getDefaultMQProducerImpl().getmQClientFactory();
                long deadline = System.currentTimeMillis() + 120_000;
                while (!holdRound(factory, orderTopic)) {
                    if (System.currentTimeMillis() > deadline) throw new IllegalStateException("no route to " + orderTopic + " within 120 s");
                    Thread.sleep(1_000);
                }
                System.out.println("holding " + producer.getProducerGroup());
                while (true) {
                    Thread.sleep(20_000);
                    holdRound(factory, orderTopic);
                }
            }
            if (a.containsKey("only-ordered")) {
                ordered(producer, orderTopic, run, Integer.parseInt(a.get("only-ordered")));
                return;
            }
            if (a.containsKey("waiting")) {
                waiting(producer, a.get("waiting"), run);
                return;
            }
            if (rate > 0) {
                steady(producer, topic, run, rate);
                return;
            }
            for (int i = 0; i < count; i++) {
                send(producer, "normal", normal(topic, run, i));
            }
            if (!extras) return;
            for (int i = 0; i < 3; i++) {
                Message m = message(topic, "TagDelay", "D-" + run + "-" + i, "delayed " + i);
                m.setDelayTimeLevel(2);
                send(producer, "delay", m);
            }
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(message(topic, "TagBatch", "B-" + run + "-" + i, "{\"batch\":\"" + run + "\",\"i\":" + i + "}"));
            }
            SendResult br = producer.send(batch);
            String[] ids = br.getMsgId().split(","), offsetIds = br.getOffsetMsgId().split(",");
            for (int i = 0; i < ids.length; i++) {
                line("batch", "B-" + run + "-" + i, String.valueOf(br.getSendStatus()), ids[i], offsetIds[i],
                    br.getMessageQueue().getBrokerName(), br.getMessageQueue().getQueueId(), br.getQueueOffset() + i);
            }
            ordered(producer, orderTopic, run, 12);
            Method deliver = findMethod(Message.class, "setDeliverTimeMs");
            if (deliver != null) {
                Message m = message(topic, "TagTimer", "T-" + run, "timer message");
                deliver.invoke(m, System.currentTimeMillis() + 10_000L);
                send(producer, "timer", m);
            }
        } finally {
            // the trace dispatcher sends a batch once its first record is 500 ms old, asynchronously; shutdown waits
            // for the batch to be handed over but not for the send, so records still in flight were lost
            Thread.sleep(1500);
            producer.shutdown();
            if (out != null) out.close();
        }
    }

    static void ordered(DefaultMQProducer producer, String orderTopic, String run, int n) throws Exception {
        MessageQueueSelector selector = (mqs, msg, arg) -> mqs.get((Integer) arg % mqs.size());
        for (int i = 0; i < n; i++) {
            int orderId = i % 3;
            Message m = message(orderTopic, "TagOrder", "O-" + run + "-" + orderId + "-" + i,
                "{\"orderId\":" + orderId + ",\"step\":" + (i / 3) + "}");
            SendResult r = producer.send(m, selector, orderId);
            print("order", "O-" + run + "-" + orderId + "-" + i, r);
        }
    }

    static void waiting(DefaultMQProducer producer, String topic, String run) throws Exception {
        for (int i = 0; i < 2; i++) {
            Message m = message(topic, "TagWaiting", "W-" + run + "-" + i, "due in two hours " + i);
            m.setDelayTimeLevel(18);
            send(producer, "waiting-delay", m);
        }
        Method deliver = findMethod(Message.class, "setDeliverTimeMs");
        if (deliver == null) return;
        for (int i = 0; i < 2; i++) {
            Message m = message(topic, "TagWaitingTimer", "WT-" + run + "-" + i, "timer due in two hours " + i);
            deliver.invoke(m, System.currentTimeMillis() + 2 * 3600_000L);
            send(producer, "waiting-timer", m);
        }
    }

    static void steady(DefaultMQProducer producer, String topic, String run, double rate) throws Exception {
        long pause = (long) (1000 / rate);
        for (int i = 0; ; i++) {
            send(producer, "normal", normal(topic, run, i));
            Thread.sleep(pause);
        }
    }

    static Message normal(String topic, String run, int i) {
        String keys = "K-" + run + "-" + i + " CUST-" + (i % custMod);
        Message m = message(topic, i % 2 == 0 ? "TagA" : "TagB", keys,
            "{\"order\":" + i + ",\"run\":\"" + run + "\",\"amount\":" + (i * 10 + 7) + ",\"note\":\"hello from the demo producer\"}");
        m.putUserProperty("a", String.valueOf(i));
        m.putUserProperty("color", i % 2 == 0 ? "red" : "blue");
        return m;
    }

    static Message message(String topic, String tag, String keys, String body) {
        Message m = new Message(topic, tag, body.getBytes(StandardCharsets.UTF_8));
        m.setKeys(keys);
        return m;
    }

    static void send(DefaultMQProducer producer, String kind, Message m) throws Exception {
        SendResult r = producer.send(m);
        print(kind, m.getKeys(), r);
    }

    static void print(String kind, String key, SendResult r) {
        line(kind, key, String.valueOf(r.getSendStatus()), r.getMsgId(), r.getOffsetMsgId(),
            r.getMessageQueue().getBrokerName(), r.getMessageQueue().getQueueId(), r.getQueueOffset());
    }

    static void line(String kind, String key, String status, String msgId, String offsetMsgId, String brokerName,
        int queueId, long queueOffset) {
        String line = String.join("\t", kind, key, status, msgId, offsetMsgId, brokerName, String.valueOf(queueId),
            String.valueOf(queueOffset));
        System.out.println(line);
        if (out != null) out.println(line);
    }

    static Method findMethod(Class<?> c, String name) {
        for (Method m : c.getMethods()) if (m.getName().equals(name) && m.getParameterCount() == 1) return m;
        return null;
    }

    static Map<String, String> args(String[] argv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + argv[i]);
            m.put(argv[i].substring(2), argv[i + 1]);
        }
        return m;
    }

    /** On a sandbox with access control (SANDBOX_AUTH=on), the client signs as RMQ_ACCESS_KEY (sandbox/scripts/auth.sh). */
    static org.apache.rocketmq.remoting.RPCHook aclHook() {
        String accessKey = System.getenv("RMQ_ACCESS_KEY");
        if (accessKey == null || accessKey.isEmpty()) return null;
        return new org.apache.rocketmq.acl.common.AclClientRPCHook(new org.apache.rocketmq.acl.common.SessionCredentials(accessKey, System.getenv("RMQ_SECRET_KEY")));
    }
}
