// The official Java client's remoting layer (NettyRemotingClient, as DefaultMQAdminExt uses it) making the same
// admin calls as bench/run.ts, in one warm JVM, on one connection. Bodies are decoded as the admin API does.
// java -cp '<rocketmq 5.x lib>/*' RemotingBench.java --addr 127.0.0.1:10911 --topic LabTopic --calls 2000
//      --pipelined 20000 --window 64 --warmup 3000 [--only GET_TOPIC_STATS_INFO]
// Prints one JSON line per measurement: {"call","mode","calls","seconds","callsPerSec","p50Ms","p99Ms"}
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.remoting.protocol.body.KVTable;

public class RemotingBench {
    static final int GET_BROKER_RUNTIME_INFO = 28;
    static final int GET_TOPIC_STATS_INFO = 202;

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        String addr = a.getOrDefault("addr", "127.0.0.1:10911");
        String topic = a.getOrDefault("topic", "LabTopic");
        int calls = Integer.parseInt(a.getOrDefault("calls", "2000"));
        int pipelined = Integer.parseInt(a.getOrDefault("pipelined", "20000"));
        int window = Integer.parseInt(a.getOrDefault("window", "64"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "3000"));
        String only = a.get("only");

        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            for (String call : new String[] {"GET_BROKER_RUNTIME_INFO", "GET_TOPIC_STATS_INFO"}) {
                if (only != null && !only.equals(call)) continue;
                int code = call.equals("GET_BROKER_RUNTIME_INFO") ? GET_BROKER_RUNTIME_INFO : GET_TOPIC_STATS_INFO;
                Consumer<RemotingCommand> decode = code == GET_BROKER_RUNTIME_INFO
                    ? r -> KVTable.decode(r.getBody(), KVTable.class)
                    : r -> TopicStatsTable.decode(r.getBody(), TopicStatsTable.class);
                // warm the JIT and the connection first, as a long-lived console process would be
                sequential(client, addr, code, topic, warmup, decode);
                pipelined(client, addr, code, topic, warmup, window, decode);
                report(call, "sequential", sequential(client, addr, code, topic, calls, decode));
                report(call, "pipelined", pipelined(client, addr, code, topic, pipelined, window, decode));
            }
        } finally {
            client.shutdown();
        }
    }

    static RemotingCommand request(int code, String topic) {
        RemotingCommand r = RemotingCommand.createRequestCommand(code, null);
        if (code == GET_TOPIC_STATS_INFO) r.addExtField("topic", topic);
        return r;
    }

    static long[] sequential(NettyRemotingClient c, String addr, int code, String topic, int n,
        Consumer<RemotingCommand> decode) throws Exception {
        long[] lat = new long[n + 1];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            RemotingCommand r = c.invokeSync(addr, request(code, topic), 5000);
            if (r.getCode() != 0) throw new IllegalStateException("code " + r.getCode() + " " + r.getRemark());
            decode.accept(r);
            lat[i] = System.nanoTime() - s;
        }
        lat[n] = System.nanoTime() - t0;
        return lat;
    }

    static long[] pipelined(NettyRemotingClient c, String addr, int code, String topic, int n, int window,
        Consumer<RemotingCommand> decode) throws Exception {
        long[] lat = new long[n + 1];
        Semaphore slots = new Semaphore(window);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            final int idx = i;
            final long s = System.nanoTime();
            c.invoke(addr, request(code, topic), 5000).whenComplete((r, err) -> {
                if (err != null || r.getCode() != 0) failures.incrementAndGet();
                else decode.accept(r);
                lat[idx] = System.nanoTime() - s;
                slots.release();
                done.countDown();
            });
        }
        done.await();
        lat[n] = System.nanoTime() - t0;
        if (failures.get() > 0) throw new IllegalStateException(failures.get() + " pipelined calls failed");
        return lat;
    }

    static void report(String call, String mode, long[] lat) {
        int n = lat.length - 1;
        long total = lat[n];
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        double seconds = total / 1e9;
        System.out.printf("{\"call\":\"%s\",\"mode\":\"%s\",\"calls\":%d,\"seconds\":%.4f,\"callsPerSec\":%.1f,\"p50Ms\":%.4f,\"p99Ms\":%.4f}%n",
            call, mode, n, seconds, n / seconds, sorted[n / 2] / 1e6, sorted[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6);
    }
}
