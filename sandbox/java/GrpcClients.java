// The official 5.x gRPC client (rocketmq-client-java) through a rocketmq-proxy: a producer, a push consumer and a
// simple (POP) consumer, as gRPC applications use a 5.x estate. Prints "ready" once all three run, then keeps them
// online for --seconds (0: until killed).
//   GrpcClients.java --endpoint 127.0.0.1:8181 --topic LabTopic --send 20 --push-group lab_grpc_push
//                    --simple-group lab_grpc_simple --leave-unacked 3 --seconds 0
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.consumer.ConsumeResult;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.FilterExpressionType;
import org.apache.rocketmq.client.apis.consumer.PushConsumer;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.SendReceipt;

public class GrpcClients {
    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        String topic = a.getOrDefault("topic", "LabTopic");
        ClientServiceProvider provider = ClientServiceProvider.loadService();
        ClientConfiguration config = ClientConfiguration.newBuilder().setEndpoints(a.getOrDefault("endpoint", "127.0.0.1:8081")).setRequestTimeout(Duration.ofSeconds(10)).build();
        FilterExpression all = new FilterExpression("*", FilterExpressionType.TAG);

        Producer producer = provider.newProducerBuilder().setClientConfiguration(config).setTopics(topic).build();
        int send = Integer.parseInt(a.getOrDefault("send", "0"));
        for (int i = 0; i < send; i++) {
            SendReceipt receipt = producer.send(provider.newMessageBuilder().setTopic(topic).setTag("TagG").setKeys("G-" + i)
                .setBody(("{\"grpc\":" + i + "}").getBytes(StandardCharsets.UTF_8)).build());
            System.out.println("sent " + receipt.getMessageId());
        }

        PushConsumer push = provider.newPushConsumerBuilder().setClientConfiguration(config).setConsumerGroup(a.getOrDefault("push-group", "lab_grpc_push"))
            .setSubscriptionExpressions(Collections.singletonMap(topic, all)).setMessageListener(m -> {
                // one line per message consumed (and so acknowledged): the tests' count of the broker's acks
                synchronized (System.out) {
                    System.out.println("consumed " + m.getMessageId());
                    System.out.flush();
                }
                return ConsumeResult.SUCCESS;
            }).build();

        SimpleConsumer simple = provider.newSimpleConsumerBuilder().setClientConfiguration(config).setConsumerGroup(a.getOrDefault("simple-group", "lab_grpc_simple"))
            .setSubscriptionExpressions(Collections.singletonMap(topic, all)).setAwaitDuration(Duration.ofSeconds(5)).build();
        // pop a first batch, leaving some messages un-acknowledged (in flight until their invisible time ends)
        int leave = Integer.parseInt(a.getOrDefault("leave-unacked", "0"));
        List<MessageView> popped = simple.receive(16, Duration.ofSeconds(60));
        int left = 0;
        for (MessageView m : popped) {
            if (left < leave) { left++; continue; }
            simple.ack(m);
        }
        System.out.println("popped " + popped.size() + ", left un-acked " + left);
        System.out.println("ready");
        System.out.flush();
        long seconds = Long.parseLong(a.getOrDefault("seconds", "0"));
        long until = seconds == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < until) {
            Thread.sleep(1000);
        }
        simple.close();
        push.close();
        producer.close();
    }
}
