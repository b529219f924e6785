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

package io.github.zmqspring.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZMsg;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.PropertySource;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.listener.ZmqListenerContainer;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the application events of listeners, proxies and sockets, and for
 * the {@code local.zmq.*} properties of bound ports.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqApplicationEventsTests {

	private final ApplicationContextRunner contextRunner = ZmqTestSupport.runner()
		.withBean("echo", Echo.class)
		.withBean(Recorder.class);

	@Test
	void listenerStartedEventCarriesTheRealPortAndPortPropertyReachesTheListener() {
		this.contextRunner.run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class)
				.getListenerContainer("echo");
			assertThat(container).isNotNull();
			String bound = container.getBoundAddresses().get(0);
			assertThat(bound).matches("tcp://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":*");
			assertThat(recorder.listenerStarted).singleElement().satisfies((event) -> {
				assertThat(event.getListenerId()).isEqualTo("echo");
				assertThat(event.getContainer()).isSameAs(container);
				assertThat(event.getBoundAddresses()).containsExactly(bound);
			});
			String port = bound.substring(bound.lastIndexOf(':') + 1);
			assertThat(context.getEnvironment().getProperty("local.zmq.listener.echo.port")).isEqualTo(port);
			assertThat(context.getEnvironment().getProperty("local.zmq.listener.echo.address")).isEqualTo(bound);
			assertThat(context.getBeanFactory().resolveEmbeddedValue("${local.zmq.listener.echo.port}"))
				.isEqualTo(port);
			PropertySource<?> first = context.getEnvironment().getPropertySources().iterator().next();
			assertThat(first.getName()).isEqualTo(ZmqPortInfoApplicationListener.PROPERTY_SOURCE_NAME);

			int realPort = context.getEnvironment().getRequiredProperty("local.zmq.listener.echo.port", Integer.class);
			ZMsg reply = ZmqTestSupport.rawRequest("tcp://127.0.0.1:" + realPort,
					"hi".getBytes(StandardCharsets.UTF_8));
			assertThat(reply.popString()).isEqualTo("echo: hi");
		});
	}

	@Test
	void stoppedEventIsPublishedAndRestartUpdatesThePortProperty() {
		this.contextRunner.run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class)
				.getListenerContainer("echo");
			assertThat(container).isNotNull();
			String firstAddress = container.getBoundAddresses().get(0);

			container.stop();
			assertThat(recorder.listenerStopped).singleElement().satisfies((event) -> {
				assertThat(event.getListenerId()).isEqualTo("echo");
				assertThat(event.getContainer()).isSameAs(container);
				assertThat(event.isCompleted()).isTrue();
			});
			// nothing is removed on stop
			assertThat(context.getEnvironment().getProperty("local.zmq.listener.echo.address")).isEqualTo(firstAddress);

			container.start();
			String secondAddress = container.getBoundAddresses().get(0);
			assertThat(recorder.listenerStarted).hasSize(2);
			assertThat(recorder.listenerStarted.get(1).getBoundAddresses()).containsExactly(secondAddress);
			assertThat(context.getEnvironment().getProperty("local.zmq.listener.echo.address"))
				.isEqualTo(secondAddress);
			assertThat(context.getEnvironment().getProperty("local.zmq.listener.echo.port"))
				.isEqualTo(secondAddress.substring(secondAddress.lastIndexOf(':') + 1));
		});
	}

	@Test
	void proxyEventsCarryBoundAddressesPerSideAndSetPortProperties() {
		this.contextRunner
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=tcp://127.0.0.1:*",
					"zmq.proxies.broker.backend=" + ZmqTestSupport.inproc("events-backend"))
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				ZmqProxy proxy = context.getBean(ZmqProxyRegistry.class).getProxy("broker");
				assertThat(proxy).isNotNull();
				String frontend = proxy.getFrontendBoundAddresses().get(0);
				String backend = proxy.getBackendBoundAddresses().get(0);
				assertThat(recorder.proxyStarted).singleElement().satisfies((event) -> {
					assertThat(event.getProxyName()).isEqualTo("broker");
					assertThat(event.getProxy()).isSameAs(proxy);
					assertThat(event.getFrontendBoundAddresses()).containsExactly(frontend);
					assertThat(event.getBackendBoundAddresses()).containsExactly(backend);
				});
				assertThat(context.getEnvironment().getProperty("local.zmq.proxy.broker.frontend.port"))
					.isEqualTo(frontend.substring(frontend.lastIndexOf(':') + 1));
				assertThat(context.getEnvironment().getProperty("local.zmq.proxy.broker.frontend.address"))
					.isEqualTo(frontend);
				assertThat(context.getEnvironment().getProperty("local.zmq.proxy.broker.backend.address"))
					.startsWith("inproc://events-backend");
				// inproc has no port
				assertThat(context.getEnvironment().containsProperty("local.zmq.proxy.broker.backend.port")).isFalse();

				context.getBean(ZmqProxyRegistry.class).stop("broker");
				assertThat(recorder.proxyStopped).singleElement().satisfies((event) -> {
					assertThat(event.getProxyName()).isEqualTo("broker");
					assertThat(event.isCompleted()).isTrue();
				});
			});
	}

	@Test
	void socketEventsReachApplicationListenersInOrderOnTheEventsThread() {
		this.contextRunner.run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			String address = ZmqTestSupport.boundAddress(context, "echo");
			assertThat(
					context.getBean(ZmqTemplate.class).request(">" + address, "x", String.class, Duration.ofSeconds(5)))
				.isEqualTo("echo: x");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(types(recorder.socketEvents, ZmqSocketOwner.Kind.TEMPLATE))
					.contains(ZmqSocketEventType.CONNECTED, ZmqSocketEventType.HANDSHAKE_SUCCEEDED));
			assertThat(recorder.socketEventThreads).containsOnly(ZmqSocketEventPublisher.THREAD_NAME);
			List<ZmqSocketEventType> listenerEvents = types(recorder.socketEvents, ZmqSocketOwner.Kind.LISTENER);
			assertThat(listenerEvents).first().isEqualTo(ZmqSocketEventType.BOUND);
			List<ZmqSocketEventType> templateEvents = types(recorder.socketEvents, ZmqSocketOwner.Kind.TEMPLATE);
			assertThat(templateEvents.indexOf(ZmqSocketEventType.CONNECTED))
				.isLessThan(templateEvents.indexOf(ZmqSocketEventType.HANDSHAKE_SUCCEEDED));
			assertThat(recorder.socketEvents).filteredOn((event) -> event.getType() == ZmqSocketEventType.BOUND)
				.extracting(ZmqSocketEvent::getAddress)
				.contains(address);
		});
	}

	@Test
	void eventsThreadEndsWithTheContext() {
		ConfigurableApplicationContext[] holder = new ConfigurableApplicationContext[1];
		this.contextRunner.run((context) -> {
			holder[0] = context;
			assertThat(context.getBean(ZmqSocketEventPublisher.class).isRunning()).isTrue();
			assertThat(liveThreads(ZmqSocketEventPublisher.THREAD_NAME)).isNotEmpty();
		});
		assertThat(holder[0].isActive()).isFalse();
		// stop() joins the thread: it is gone as soon as the context is closed
		assertThat(liveThreads(ZmqSocketEventPublisher.THREAD_NAME)).isEmpty();
	}

	private static List<ZmqSocketEventType> types(List<ZmqSocketEvent> events, ZmqSocketOwner.Kind kind) {
		return events.stream().filter((event) -> event.getOwner().kind() == kind).map(ZmqSocketEvent::getType).toList();
	}

	private static List<Thread> liveThreads(String name) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(name) && thread.isAlive())
			.toList();
	}

	static class Echo {

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "echo")
		String echo(String request) {
			return "echo: " + request;
		}

	}

	static class Recorder {

		final List<ZmqListenerStartedEvent> listenerStarted = new CopyOnWriteArrayList<>();

		final List<ZmqListenerStoppedEvent> listenerStopped = new CopyOnWriteArrayList<>();

		final List<ZmqProxyStartedEvent> proxyStarted = new CopyOnWriteArrayList<>();

		final List<ZmqProxyStoppedEvent> proxyStopped = new CopyOnWriteArrayList<>();

		final List<ZmqSocketEvent> socketEvents = new CopyOnWriteArrayList<>();

		final List<String> socketEventThreads = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ZmqListenerStartedEvent event) {
			this.listenerStarted.add(event);
		}

		@EventListener
		void on(ZmqListenerStoppedEvent event) {
			this.listenerStopped.add(event);
		}

		@EventListener
		void on(ZmqProxyStartedEvent event) {
			this.proxyStarted.add(event);
		}

		@EventListener
		void on(ZmqProxyStoppedEvent event) {
			this.proxyStopped.add(event);
		}

		@EventListener
		void on(ZmqSocketEvent event) {
			this.socketEvents.add(event);
			this.socketEventThreads.add(Thread.currentThread().getName());
		}

	}

}
