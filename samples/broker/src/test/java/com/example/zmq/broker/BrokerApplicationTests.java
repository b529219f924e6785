package com.example.zmq.broker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;
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
 * Runs the broker sample on in-process addresses (no ports) and checks that every client
 * request went through the queue proxy to a server and back while the application
 * started.
 */
@SpringBootTest(properties = { "zmq.proxies.broker.frontend=@inproc://broker-sample-frontend",
		"zmq.proxies.broker.backend=@inproc://broker-sample-backend",
		"zmq.endpoints.broker.addresses=>inproc://broker-sample-frontend",
		"zmq.endpoints.workers.addresses=>inproc://broker-sample-backend" })
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class BrokerApplicationTests {

	@Autowired
	private ZmqTemplate zmq;

	@Autowired
	private ZmqProxyRegistry proxies;

	@Autowired
	private Servers servers;

	@Test
	void everyClientGotItsOwnReplyThroughTheBroker(CapturedOutput output) {
		for (int client = 1; client <= Clients.THREADS; client++) {
			for (int request = 1; request <= Clients.REQUESTS; request++) {
				String sent = "client-" + client + " request " + request;
				assertThat(output).containsPattern("\\[client-" + client + "\\] '" + sent
						+ "' -> '(alpha|beta|gamma) answers " + sent.toUpperCase() + "'");
			}
		}
		assertThat(output).contains("[broker] 24 requests answered");
		int total = Clients.THREADS * Clients.REQUESTS;
		assertThat(this.servers.served.values().stream().mapToInt((count) -> count.get()).sum()).isEqualTo(total);
		ZmqProxy broker = this.proxies.getProxy("broker");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(broker.getMessagesToBackend()).isEqualTo(total);
			assertThat(broker.getMessagesToFrontend()).isEqualTo(total);
		});
	}

	@Test
	void brokerSharesRequestsAmongTheServers() {
		// once every server has connected, the DEALER back end hands requests round-robin
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.zmq.request("broker", "ping", String.class, Duration.ofSeconds(5));
			assertThat(this.servers.served).containsOnlyKeys("alpha", "beta", "gamma");
		});
	}

}
