// The official Java client reading a topic's messages stored in a time range, the way the console's range scan does:
// per queue, the offsets of the range by timestamp, then pulls of 32 as TOOLS_CONSUMER (DefaultMQPullConsumer, no
// offset committed), four queues at a time, keeping the messages whose store time is in the range.
//   java -cp '<rocketmq lib>/*' ScanBench.java --ns 127.0.0.1:9876 --topic BenchScan --fill 50000
//        sends <fill> messages in batches of 100 (tags TagA/TagB, keys, ~250-byte JSON bodies); prints {"sent","ms","begin","end"}
//   java -cp '<rocketmq lib>/*' ScanBench.java --ns 127.0.0.1:9876 --topic BenchScan --begin <ms> --end <ms> [--runs 3 --threads 4]
//        [--tag TagA --text cust-42]: the tag expression on the broker, the text (keys, property values, body) here
//        one warm-up scan, then <runs> timed scans in the same JVM; prints {"run","messages","ms","msgsPerSec"} per run
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

public class ScanBench {
    public static void main(String[] argv) {
        // the client's threads are not daemons: without an explicit exit a failure would leave the JVM (and the bench) waiting forever
        try {
            run(argv);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        String ns = a.getOrDefault("ns", "127.0.0.1:9876");
        String topic = a.getOrDefault("topic", "BenchScan");
        if (a.containsKey("fill")) {
            fill(ns, topic, Integer.parseInt(a.get("fill")));
        } else {
            tag = a.getOrDefault("tag", "*");
            text = a.containsKey("text") ? a.get("text").toLowerCase() : null;
            scan(ns, topic, Long.parseLong(a.get("begin")), Long.parseLong(a.get("end")),
                Integer.parseInt(a.getOrDefault("runs", "3")), Integer.parseInt(a.getOrDefault("threads", "4")));
        }
    }

    static void fill(String ns, String topic, int count) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("bench_scan_producer");
        producer.setNamesrvAddr(ns);
        // the route lookup and the sends share this budget: a busy machine needs more than the default 3 s
        producer.setSendMsgTimeout(60_000);
        producer.start();
        long begin = System.currentTimeMillis();
        int sent = 0;
        while (sent < count) {
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 100 && sent + i < count; i++) {
                int n = sent + i;
                String body = "{\"order\":" + n + ",\"customer\":\"CUST-" + (n % 97) + "\",\"amount\":" + (n * 13 % 10000)
                    + ",\"note\":\"range scan bench message, padded to about a quarter of a kilobyte ......................................................................................\"}";
                Message m = new Message(topic, n % 2 == 0 ? "TagA" : "TagB", body.getBytes(StandardCharsets.UTF_8));
                m.setKeys("S-" + n + " CUST-" + (n % 97));
                batch.add(m);
            }
            producer.send(batch);
            sent += batch.size();
        }
        long end = System.currentTimeMillis();
        producer.shutdown();
        System.out.printf("{\"sent\":%d,\"ms\":%d,\"begin\":%d,\"end\":%d}%n", sent, end - begin, begin, end);
    }

    /** The tag expression (the broker filters) and the lower-cased text (filtered here), as the console's scan takes them. */
    static String tag = "*";
    static String text = null;

    static void scan(String ns, String topic, long begin, long end, int runs, int threads) throws Exception {
        // TOOLS_CONSUMER, as mqadmin's printMsg uses: the group every broker has, so nothing is created
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(MixAll.TOOLS_CONSUMER_GROUP);
        consumer.setNamesrvAddr(ns);
        consumer.setInstanceName("scan-bench-" + System.nanoTime());
        consumer.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Set<MessageQueue> queues = consumer.fetchSubscribeMessageQueues(topic);
            scanOnce(consumer, pool, queues, begin, end); // warm the JIT and the connections, as a long-lived process would be
            for (int run = 1; run <= runs; run++) {
                long started = System.nanoTime();
                long messages = scanOnce(consumer, pool, queues, begin, end);
                double ms = (System.nanoTime() - started) / 1e6;
                System.out.printf("{\"run\":%d,\"messages\":%d,\"ms\":%.1f,\"msgsPerSec\":%.0f}%n", run, messages, ms, messages / (ms / 1000));
            }
        } finally {
            pool.shutdown();
            consumer.shutdown();
        }
    }

    static long scanOnce(DefaultMQPullConsumer consumer, ExecutorService pool, Set<MessageQueue> queues, long begin, long end) throws Exception {
        List<Future<Long>> results = new ArrayList<>();
        for (MessageQueue mq : queues) results.add(pool.submit(() -> scanQueue(consumer, mq, begin, end)));
        long total = 0;
        for (Future<Long> f : results) total += f.get();
        return total;
    }

    /** The console's text filter: the needle in a key, a property value or the body read as UTF-8. */
    static boolean matchesText(MessageExt m) {
        if (text == null) return true;
        if (m.getKeys() != null) for (String k : m.getKeys().split(" ")) if (k.toLowerCase().contains(text)) return true;
        for (String v : m.getProperties().values()) if (v.toLowerCase().contains(text)) return true;
        return m.getBody() != null && new String(m.getBody(), StandardCharsets.UTF_8).toLowerCase().contains(text);
    }

    static long scanQueue(DefaultMQPullConsumer consumer, MessageQueue mq, long begin, long end) throws Exception {
        long min = consumer.minOffset(mq);
        long max = consumer.maxOffset(mq);
        long offset = Math.max(min, Math.min(max, consumer.searchOffset(mq, Math.max(0, begin - 1))));
        long stop = Math.max(offset, Math.min(max, Math.max(min, Math.min(max, consumer.searchOffset(mq, end + 1))) + 1));
        long found = 0;
        while (offset < stop) {
            PullResult r = consumer.pull(mq, tag, offset, (int) Math.min(32, stop - offset));
            switch (r.getPullStatus()) {
                case FOUND:
                    for (MessageExt m : r.getMsgFoundList()) {
                        if (m.getQueueOffset() < stop && m.getStoreTimestamp() >= begin && m.getStoreTimestamp() <= end && matchesText(m)) found++;
                    }
                    offset = r.getNextBeginOffset() > offset ? r.getNextBeginOffset() : stop;
                    break;
                case NO_MATCHED_MSG:
                case OFFSET_ILLEGAL:
                    offset = r.getNextBeginOffset() > offset ? r.getNextBeginOffset() : stop;
                    break;
                default:
                    offset = stop;
            }
        }
        return found;
    }
}
