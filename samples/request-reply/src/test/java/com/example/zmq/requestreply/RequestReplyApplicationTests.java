package com.example.zmq.requestreply;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample on in-process addresses (no ports): the demo's requests are all
 * answered, and the one client endpoint reaches every server.
 */
@SpringBootTest(properties = { "zmq.endpoints.server-a.addresses=inproc://rr-server-a",
		"zmq.endpoints.server-b.addresses=inproc://rr-server-b",
		"zmq.endpoints.server-c.addresses=inproc://rr-server-c",
		"zmq.endpoints.servers.addresses=inproc://rr-server-a,inproc://rr-server-b,inproc://rr-server-c" })
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class RequestReplyApplicationTests {

	@Autowired
	private ZmqTemplate zmq;

	@Test
	void demoGotEveryRequestAnswered(CapturedOutput output) {
		assertThat(output).contains("[client] request 1 -> 'server-")
			.contains(":REQUEST 1' (answered by server-")
			.contains("[client] " + Demo.REQUESTS + " requests answered: {server-");
	}

	@Test
	void oneClientEndpointIsLoadBalancedOverAllServers() {
		Set<String> servers = ConcurrentHashMap.newKeySet();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String reply = this.zmq.request("servers", "ping", String.class, Duration.ofSeconds(5));
			assertThat(reply).endsWith(":PING");
			servers.add(reply.substring(0, reply.indexOf(':')));
			assertThat(servers).containsExactlyInAnyOrder("server-a", "server-b", "server-c");
		});
	}

}
