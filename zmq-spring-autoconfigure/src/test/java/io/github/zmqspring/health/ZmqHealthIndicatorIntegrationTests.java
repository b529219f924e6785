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

package io.github.zmqspring.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.autoconfigure.health.ZmqHealthContributorAutoConfiguration;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqBindException;
import io.github.zmqspring.listener.ZmqListenerContainer;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for {@link ZmqHealthIndicator}: running, stopped on purpose and
 * failed listeners and proxies in a real context.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqHealthIndicatorIntegrationTests {

	private final String replierAddress = ZmqTestSupport.inproc("health-replier");

	private final String proxyFrontend = ZmqTestSupport.inproc("health-proxy-front");

	private final ApplicationContextRunner contextRunner = ZmqTestSupport.runner()
		.withConfiguration(AutoConfigurations.of(ZmqHealthContributorAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class))
		.withPropertyValues("test.replier=@" + this.replierAddress, "zmq.proxies.broker.type=streamer",
				"zmq.proxies.broker.frontend=@" + this.proxyFrontend,
				"zmq.proxies.broker.backend=@" + ZmqTestSupport.inproc("health-proxy-back"))
		.withBean("listeners", Listeners.class);

	@Test
	void upWhenListenersAndProxiesThatShouldRunDo() {
		this.contextRunner.run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(detail(health, "context")).containsEntry("open", true).containsEntry("ioThreads", 1);
			assertThat(listener(health, "replier")).containsEntry("status", "UP")
				.containsEntry("type", "replier")
				.containsEntry("running", true)
				.containsEntry("addresses", "@" + this.replierAddress)
				.containsEntry("endpoint", "@" + this.replierAddress);
			assertThat(listener(health, "replier").get("boundAddresses")).asList().containsExactly(this.replierAddress);
			// never started (auto-startup false): listed, does not make it DOWN
			assertThat(listener(health, "manual")).containsEntry("status", ZmqHealthIndicator.STOPPED)
				.containsEntry("running", false)
				.containsEntry("autoStartup", false);
			assertThat(proxy(health, "broker")).containsEntry("status", "UP")
				.containsEntry("type", "streamer")
				.containsEntry("running", true);
		});
	}

	@Test
	void listenerAndProxyStoppedOnPurposeDoNotMakeItDown() {
		this.contextRunner.run((context) -> {
			container(context, "replier").stop();
			context.getBean(ZmqProxyRegistry.class).stop("broker");
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(listener(health, "replier")).containsEntry("status", ZmqHealthIndicator.STOPPED)
				.containsEntry("running", false);
			assertThat(proxy(health, "broker")).containsEntry("status", ZmqHealthIndicator.STOPPED)
				.containsEntry("running", false);
		});
	}

	@Test
	void listenerWhoseRestartFailedMakesItDownUntilItRuns() {
		this.contextRunner.run((context) -> {
			ZmqListenerContainer container = container(context, "replier");
			container.stop();
			try (ZMQ.Socket squatter = bindWhenReleased(context, this.replierAddress)) {
				assertThatExceptionOfType(ZmqBindException.class).isThrownBy(container::start);
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(listener(health, "replier")).containsEntry("status", "DOWN").containsEntry("running", false);
				assertThat(listener(health, "manual")).containsEntry("status", ZmqHealthIndicator.STOPPED);
			}
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				container.start();
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			});
		});
	}

	@Test
	void proxyWhoseStartFailedMakesItDown() {
		// the port is taken by another socket; the proxy does not auto-start, so the
		// context starts and the failure comes from an explicit start
		try (ZContext other = new ZContext(); ZMQ.Socket squatter = other.createSocket(SocketType.PULL)) {
			squatter.setLinger(0);
			squatter.bind("tcp://127.0.0.1:*");
			String taken = squatter.getLastEndpoint();
			this.contextRunner
				.withPropertyValues("zmq.proxies.late.type=streamer", "zmq.proxies.late.frontend=@" + taken,
						"zmq.proxies.late.backend=@" + ZmqTestSupport.inproc("health-late-back"),
						"zmq.proxies.late.auto-startup=false")
				.run((context) -> {
					ZmqProxyRegistry proxies = context.getBean(ZmqProxyRegistry.class);
					assertThat(health(context).getStatus()).isEqualTo(Status.UP);
					assertThat(proxy(health(context), "late")).containsEntry("status", ZmqHealthIndicator.STOPPED);
					assertThatExceptionOfType(ZmqBindException.class).isThrownBy(() -> proxies.start("late"));
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(proxy(health, "late")).containsEntry("status", "DOWN").containsEntry("running", false);
					assertThat(proxy(health, "broker")).containsEntry("status", "UP");
					assertThat(listener(health, "replier")).containsEntry("status", "UP");
				});
		}
	}

	@Test
	void downWhenTheContextIsClosed() {
		ZContext closed = new ZContext();
		closed.close();
		Health health = new ZmqHealthIndicator(closed, null, null).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(detail(health, "context")).containsEntry("open", false);
	}

	private static ZMQ.Socket bindWhenReleased(ApplicationContext context, String address) {
		ZMQ.Socket socket = context.getBean(ZContext.class).createSocket(SocketType.PULL);
		socket.setLinger(0);
		// closing a socket releases its inproc name asynchronously
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			try {
				return socket.bind(address);
			}
			catch (ZMQException ex) {
				return false;
			}
		});
		return socket;
	}

	private static ZmqListenerContainer container(ApplicationContext context, String id) {
		ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer(id);
		assertThat(container).isNotNull();
		return container;
	}

	private static Health health(ApplicationContext context) {
		return context.getBean(ZmqHealthIndicator.class).health();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> detail(Health health, String name) {
		assertThat(health.getDetails()).containsKey(name);
		return (Map<String, Object>) health.getDetails().get(name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> listener(Health health, String id) {
		return (Map<String, Object>) detail(health, "listeners").get(id);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> proxy(Health health, String name) {
		return (Map<String, Object>) detail(health, "proxies").get(name);
	}

	static class Listeners {

		@ZmqReplier(value = "${test.replier}", id = "replier")
		String reply(String request) {
			return request;
		}

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "manual", autoStartup = "false")
		void pull(String message) {
		}

	}

}
