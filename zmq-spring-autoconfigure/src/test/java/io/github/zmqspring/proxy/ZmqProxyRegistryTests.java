/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.proxy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Lifecycle of {@link ZmqProxyRegistry}: phases, stop and start by name, auto-startup, no
 * thread left behind, a stop that a blocked back end cannot delay, no busy waiting.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqProxyRegistryTests {

	@Test
	void proxiesStartBeforeListenersAndStopAfterThem() {
		ZmqTestSupport.runner().run((context) -> {
			int proxies = context.getBean(ZmqProxyRegistry.class).getPhase();
			int listeners = context.getBean(ZmqListenerEndpointRegistry.class).getPhase();
			// lower phases start first and stop last
			assertThat(proxies).isLessThan(listeners);
		});
	}

	@Test
	void proxyIsStoppedAndStartedByNameAndRebindsItsAddress() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.restartable.type=queue",
					"zmq.proxies.restartable.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.restartable.backend=tcp://127.0.0.1:*")
			.run((context) -> {
				ZmqProxyRegistry registry = context.getBean(ZmqProxyRegistry.class);
				assertThat(registry.getProxyNames()).containsExactly("restartable");
				assertThat(registry.isRunning("restartable")).isTrue();
				assertThat(proxyThread("restartable")).isPresent();
				assertThat(roundTrip(registry.getProxy("restartable"))).isEqualTo("echo:ping");

				registry.stop("restartable");
				assertThat(registry.isRunning("restartable")).isFalse();
				assertThat(registry.getProxy("restartable").getFrontendBoundAddresses()).isEmpty();
				await().atMost(Duration.ofSeconds(5)).until(() -> proxyThread("restartable").isEmpty());

				registry.start("restartable");
				assertThat(registry.isRunning("restartable")).isTrue();
				assertThat(roundTrip(registry.getProxy("restartable"))).isEqualTo("echo:ping");
				// a request resent after a stalled handshake counts too
				assertThat(registry.getProxy("restartable").getMessagesToBackend()).isGreaterThanOrEqualTo(2);
			});
	}

	@Test
	void concreteAddressCanBeBoundAgainRightAfterAStop() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.first.type=streamer", "zmq.proxies.first.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.first.backend=" + ZmqTestSupport.inproc("first-backend"))
			.run((context) -> {
				ZmqProxyRegistry registry = context.getBean(ZmqProxyRegistry.class);
				String address = registry.getProxy("first").getFrontendBoundAddresses().get(0);
				registry.stop("first");
				ZmqProxy again = registry.registerProxy(new ZmqProxyDefinition("again", ZmqProxyType.STREAMER,
						"@" + address, "@" + ZmqTestSupport.inproc("again-backend"), true));
				assertThat(again.isRunning()).isTrue();
				assertThat(again.getFrontendBoundAddresses()).containsExactly(address);
			});
	}

	@Test
	void proxyWithoutAutoStartupWaitsToBeStartedByName() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.manual.type=streamer", "zmq.proxies.manual.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.manual.backend=tcp://127.0.0.1:*", "zmq.proxies.manual.auto-startup=false")
			.run((context) -> {
				ZmqProxyRegistry registry = context.getBean(ZmqProxyRegistry.class);
				assertThat(registry.isRunning("manual")).isFalse();
				assertThat(proxyThread("manual")).isEmpty();
				registry.start("manual");
				assertThat(registry.isRunning("manual")).isTrue();
				assertThat(registry.getProxy("manual").getBackendBoundAddresses()).hasSize(1);
			});
	}

	@Test
	void unknownNameIsRejected() {
		ZmqTestSupport.runner()
			.run((context) -> assertThatIllegalArgumentException()
				.isThrownBy(() -> context.getBean(ZmqProxyRegistry.class).start("missing"))
				.withMessageContaining("'missing'"));
	}

	@Test
	void closingTheContextLeavesNoProxyThread() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.closing-queue.type=queue",
					"zmq.proxies.closing-queue.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.closing-queue.backend=tcp://127.0.0.1:*", "zmq.proxies.closing-fan.type=forwarder",
					"zmq.proxies.closing-fan.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.closing-fan.backend=tcp://127.0.0.1:*")
			.run((context) -> {
				assertThat(proxyThread("closing-queue")).isPresent();
				assertThat(proxyThread("closing-fan")).isPresent();
			});
		assertThat(proxyThread("closing-queue")).isEmpty();
		assertThat(proxyThread("closing-fan")).isEmpty();
	}

	@Test
	void messageNoPeerCanTakeNeitherSpinsNorDelaysStop() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.stuck.type=streamer", "zmq.proxies.stuck.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.stuck.backend=tcp://127.0.0.1:*")
			.run((context) -> {
				ZmqProxy proxy = context.getBean(ZmqProxyRegistry.class).getProxy("stuck");
				try (ZContext client = new ZContext()) {
					ZMQ.Socket push = client.createSocket(SocketType.PUSH);
					push.connect(proxy.getFrontendBoundAddresses().get(0));
					for (int i = 0; i < 10; i++) {
						assertThat(push.send("task " + i)).isTrue();
					}
					Thread thread = proxyThread("stuck").orElseThrow();
					ThreadMXBean threads = ManagementFactory.getThreadMXBean();
					// the back end has no PULL peer: the first task waits in the proxy
					await().atMost(Duration.ofSeconds(5))
						.until(() -> threads.getThreadCpuTime(thread.getId()) > 0 && proxy.getMessagesToBackend() == 0);
					long cpuBefore = threads.getThreadCpuTime(thread.getId());
					long wallBefore = System.nanoTime();
					await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
					long cpu = threads.getThreadCpuTime(thread.getId()) - cpuBefore;
					long wall = System.nanoTime() - wallBefore;
					assertThat(cpu).as("CPU time of the waiting proxy thread").isLessThan(wall / 10);

					long start = System.nanoTime();
					proxy.stop();
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
					assertThat(thread.isAlive()).isFalse();
					assertThat(proxy.getMessagesToBackend()).isZero();
				}
			});
	}

	/**
	 * One request from a DEALER client through the proxy to a REP server connected to its
	 * back end, and the reply back. A fresh JeroMQ connection sometimes stalls in its
	 * handshake (see docs/reliability.md): the peers retry it after 500 ms and the client
	 * sends again when no request arrived within a second.
	 */
	private static String roundTrip(ZmqProxy proxy) {
		try (ZContext peers = new ZContext()) {
			ZMQ.Socket server = peers.createSocket(SocketType.REP);
			server.setHandshakeIvl(500);
			server.setReceiveTimeOut(1000);
			server.connect(proxy.getBackendBoundAddresses().get(0));
			ZMQ.Socket client = peers.createSocket(SocketType.DEALER);
			client.setHandshakeIvl(500);
			client.setReceiveTimeOut(5000);
			client.connect(proxy.getFrontendBoundAddresses().get(0));
			String request = null;
			for (int attempt = 0; attempt < 5 && request == null; attempt++) {
				client.sendMore(new byte[0]);
				client.send("ping");
				request = server.recvStr();
			}
			assertThat(request).as("request through the proxy").isEqualTo("ping");
			server.send("echo:" + request);
			assertThat(client.recv()).as("empty delimiter").isEmpty();
			return client.recvStr();
		}
	}

	static Optional<Thread> proxyThread(String name) {
		List<Thread> threads = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().equals(ZmqProxy.THREAD_NAME_PREFIX + name))
			.toList();
		return threads.stream().findFirst();
	}

}
