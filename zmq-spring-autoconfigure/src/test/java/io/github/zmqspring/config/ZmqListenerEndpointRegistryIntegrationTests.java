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

package io.github.zmqspring.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.listener.AbstractZmqListenerContainer;
import io.github.zmqspring.listener.ZmqListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for {@link ZmqListenerEndpointRegistry}: listener ids, manual start
 * and stop, and placeholders in annotation attributes.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqListenerEndpointRegistryIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void containersAreFoundByDefaultAndCustomId() {
		this.contextRunner.withBean("idListeners", IdListeners.class).run((context) -> {
			ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
			assertThat(registry.getListenerContainerIds()).containsExactlyInAnyOrder("idListeners.byDefault",
					"custom-id");
			ZmqListenerContainer byDefault = registry.getListenerContainer("idListeners.byDefault");
			assertThat(byDefault).isNotNull();
			assertThat(byDefault.getListenerId()).isEqualTo("idListeners.byDefault");
			assertThat(byDefault.isRunning()).isTrue();
			ZmqListenerContainer custom = registry.getListenerContainer("custom-id");
			assertThat(custom).isNotNull();
			assertThat(custom.getListenerId()).isEqualTo("custom-id");
			assertThat(custom.getEndpointAddresses()).isEqualTo("@inproc://registry-custom-id");
			assertThat(registry.getListenerContainer("idListeners.custom")).isNull();
			assertThat(registry.getListenerContainer("nope")).isNull();
		});
	}

	@Test
	void duplicateIdFailsStartup() {
		this.contextRunner.withBean("duplicates", DuplicateIdListeners.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Another ZeroMQ listener is already registered with id 'same'")
				.hasMessageContaining("DuplicateIdListeners.");
		});
	}

	@Test
	void listenerWithoutAutoStartupIsStartedAndStoppedThroughTheRegistry() {
		this.contextRunner.withBean("manual", ManualListener.class).run((context) -> {
			ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			ZmqListenerContainer container = registry.getListenerContainer("manual");
			assertThat(container).isNotNull();
			assertThat(registry.isRunning()).isTrue();
			assertThat(container.isAutoStartup()).isFalse();
			assertThat(container.isRunning()).isFalse();
			assertThat(container.getBoundAddresses()).isEmpty();
			assertThat(liveThread("zmq-manual-1")).isFalse();

			container.start();
			assertThat(container.isRunning()).isTrue();
			assertThat(container.getBoundAddresses()).hasSize(1);
			String address = container.getBoundAddresses().get(0);
			assertThat(template.request(address, "ping", String.class, Duration.ofSeconds(5))).isEqualTo("pong: ping");

			container.stop();
			assertThat(container.isRunning()).isFalse();
			assertThat(container.getBoundAddresses()).isEmpty();
			await().atMost(Duration.ofSeconds(5)).until(() -> !liveThread("zmq-manual-1"));
			assertThatExceptionOfType(ZmqRequestTimeoutException.class)
				.isThrownBy(() -> template.request(address, "again", String.class, Duration.ofMillis(300)));
		});
	}

	@Test
	void placeholdersInAttributesAreResolved() {
		this.contextRunner
			.withPropertyValues("app.prices.endpoint=@inproc://registry-placeholder-prices", "app.prices.id=prices",
					"app.tasks.concurrency=3", "app.prices.topic=prices.", "app.tasks.endpoint=tasks-endpoint",
					"zmq.endpoints.tasks-endpoint.addresses=inproc://registry-placeholder-tasks")
			.withBean("placeholders", PlaceholderListeners.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
				assertThat(registry.getListenerContainerIds()).containsExactlyInAnyOrder("prices",
						"placeholders.onTask");
				AbstractZmqListenerContainer prices = (AbstractZmqListenerContainer) registry
					.getListenerContainer("prices");
				assertThat(prices).isNotNull();
				assertThat(prices.getEndpointAddresses()).isEqualTo("@inproc://registry-placeholder-prices");
				assertThat(prices.getListener().getTopics()).isEqualTo(List.of("prices."));
				assertThat(liveThread("zmq-prices-1")).isTrue();
				AbstractZmqListenerContainer tasks = (AbstractZmqListenerContainer) registry
					.getListenerContainer("placeholders.onTask");
				assertThat(tasks).isNotNull();
				assertThat(tasks.getEndpointAddresses()).isEqualTo("@inproc://registry-placeholder-tasks");
				assertThat(tasks.getListener().getConcurrency()).isEqualTo(3);
				assertThat(liveThread("zmq-placeholders.onTask-3")).isTrue();
				assertThat(liveThread("zmq-placeholders.onTask-proxy")).isTrue();
			});
	}

	private static boolean liveThread(String name) {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().equals(name));
	}

	static class IdListeners {

		@ZmqReplier("inproc://registry-default-id")
		String byDefault(String request) {
			return request;
		}

		@ZmqReplier(endpoint = "inproc://registry-custom-id", id = "custom-id")
		String custom(String request) {
			return request;
		}

	}

	static class DuplicateIdListeners {

		@ZmqPuller(value = "inproc://registry-duplicate-1", id = "same")
		void first(String task) {
		}

		@ZmqPuller(value = "inproc://registry-duplicate-2", id = "same")
		void second(String task) {
		}

	}

	static class ManualListener {

		@ZmqReplier(endpoint = "tcp://127.0.0.1:*", id = "manual", autoStartup = "false")
		String handle(String request) {
			return "pong: " + request;
		}

	}

	static class PlaceholderListeners {

		@ZmqSubscriber(value = "${app.prices.endpoint}", id = "${app.prices.id}", topics = "${app.prices.topic}")
		void onPrice(String price) {
		}

		@ZmqPuller(value = "${app.tasks.endpoint}", concurrency = "${app.tasks.concurrency}")
		void onTask(String task) {
		}

	}

}
