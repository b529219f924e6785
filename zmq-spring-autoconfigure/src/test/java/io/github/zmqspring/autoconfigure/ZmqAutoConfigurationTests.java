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

package io.github.zmqspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.zmqspring.config.ZmqListenerConfigUtils;
import io.github.zmqspring.config.ZmqListenerContainerFactory;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.convert.DefaultZmqMessageConverter;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.core.ZmqAddress;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqEndpointResolver;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.core.ZmqTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZmqAutoConfiguration}.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void defaultBeansAreCreated() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ZContext.class);
			assertThat(context).hasSingleBean(ZmqTemplate.class);
			assertThat(context).hasSingleBean(ZmqMessageConverter.class);
			assertThat(context.getBean(ZmqMessageConverter.class)).isInstanceOf(DefaultZmqMessageConverter.class);
			assertThat(context).hasSingleBean(ZmqEndpointResolver.class);
			assertThat(context).hasSingleBean(ZmqListenerEndpointRegistry.class);
			assertThat(context).hasBean(ZmqListenerConfigUtils.ZMQ_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME);
			assertThat(context).hasSingleBean(ZmqListenerContainerFactory.class);
			assertThat(context).hasBean(ZmqListenerConfigUtils.ZMQ_LISTENER_CONTAINER_FACTORY_BEAN_NAME);
			assertThat(context).hasBean(ZmqListenerConfigUtils.ZMQ_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME);
		});
	}

	@Test
	void backsOffWhenUserDefinesZContext() {
		ZContext userContext = new ZContext();
		try {
			this.contextRunner.withBean("myContext", ZContext.class, () -> userContext).run((context) -> {
				assertThat(context).hasSingleBean(ZContext.class);
				assertThat(context.getBean(ZContext.class)).isSameAs(userContext);
				assertThat(context).doesNotHaveBean("zmqContext");
				assertThat(context).hasSingleBean(ZmqTemplate.class);
			});
		}
		finally {
			userContext.close();
		}
	}

	@Test
	void backsOffWhenUserDefinesZmqTemplate() {
		ZContext userContext = new ZContext();
		try {
			ZmqTemplate userTemplate = new ZmqTemplate(new ZmqSocketFactory(userContext),
					new ZmqEndpointResolver(Map.of()), new DefaultZmqMessageConverter(new JsonMapper()));
			this.contextRunner.withBean("myTemplate", ZmqTemplate.class, () -> userTemplate).run((context) -> {
				assertThat(context).hasSingleBean(ZmqTemplate.class);
				assertThat(context.getBean(ZmqTemplate.class)).isSameAs(userTemplate);
				assertThat(context).doesNotHaveBean("zmqTemplate");
			});
		}
		finally {
			userContext.close();
		}
	}

	@Test
	void backsOffWhenUserDefinesZmqMessageConverter() {
		ZmqMessageConverter converter = new DefaultZmqMessageConverter(new JsonMapper());
		this.contextRunner.withBean("myConverter", ZmqMessageConverter.class, () -> converter).run((context) -> {
			assertThat(context).hasSingleBean(ZmqMessageConverter.class);
			assertThat(context.getBean(ZmqMessageConverter.class)).isSameAs(converter);
			assertThat(context).doesNotHaveBean("zmqMessageConverter");
		});
	}

	@Test
	void converterUsesTheApplicationJsonMapper() {
		this.contextRunner
			.withBean(JsonMapper.class,
					() -> JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())
			.run((context) -> {
				ZmqFrames frames = context.getBean(ZmqMessageConverter.class).toFrames(new Order("A-1", 3));
				assertThat(new String(frames.frame(0), StandardCharsets.UTF_8))
					.isEqualTo("{\"order_id\":\"A-1\",\"item_count\":3}");
			});
	}

	@Test
	void converterWritesCamelCaseByDefault() {
		this.contextRunner.run((context) -> {
			ZmqFrames frames = context.getBean(ZmqMessageConverter.class).toFrames(new Order("A-1", 3));
			assertThat(new String(frames.frame(0), StandardCharsets.UTF_8))
				.isEqualTo("{\"orderId\":\"A-1\",\"itemCount\":3}");
		});
	}

	@Test
	void endpointPropertiesBind() {
		this.contextRunner
			.withPropertyValues("zmq.endpoints.orders.addresses[0]=@tcp://*:5555",
					"zmq.endpoints.orders.addresses[1]=inproc://orders",
					"zmq.endpoints.prices.addresses=>tcp://127.0.0.1:6001, >tcp://127.0.0.1:6002",
					"zmq.endpoints.prices.send-high-water-mark=50", "zmq.endpoints.prices.receive-high-water-mark=60",
					"zmq.endpoints.prices.linger=250ms", "zmq.endpoints.prices.reconnect-interval=2s",
					"zmq.endpoints.prices.reconnect-interval-max=1m", "zmq.endpoints.prices.request-timeout=3s")
			.run((context) -> {
				ZmqEndpointResolver resolver = context.getBean(ZmqEndpointResolver.class);
				ZmqEndpoint orders = resolver.resolve("orders", SocketType.REP);
				assertThat(orders.addresses()).containsExactly(new ZmqAddress("tcp://*:5555", true),
						new ZmqAddress("inproc://orders", true));
				ZmqEndpoint prices = resolver.resolve("prices", SocketType.SUB);
				assertThat(prices.addresses()).containsExactly(new ZmqAddress("tcp://127.0.0.1:6001", false),
						new ZmqAddress("tcp://127.0.0.1:6002", false));
				assertThat(prices.options().sendHighWaterMark()).isEqualTo(50);
				assertThat(prices.options().receiveHighWaterMark()).isEqualTo(60);
				assertThat(prices.options().linger()).isEqualTo(Duration.ofMillis(250));
				assertThat(prices.options().reconnectInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(prices.options().reconnectIntervalMax()).isEqualTo(Duration.ofMinutes(1));
				assertThat(prices.options().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(orders.options().sendHighWaterMark()).isNull();
			});
	}

	@Test
	void templateAndListenerPropertiesBind() {
		this.contextRunner
			.withPropertyValues("zmq.template.request-timeout=1500ms", "zmq.template.send-timeout=2s",
					"zmq.template.send-queue-capacity=42", "zmq.template.max-request-sockets=7",
					"zmq.listener.shutdown-timeout=3s", "zmq.listener.include-error-message=true",
					"zmq.context.io-threads=2")
			.run((context) -> {
				ZmqProperties properties = context.getBean(ZmqProperties.class);
				assertThat(properties.getContext().getIoThreads()).isEqualTo(2);
				assertThat(properties.getListener().getShutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getListener().isIncludeErrorMessage()).isTrue();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template).hasFieldOrPropertyWithValue("defaultRequestTimeout", Duration.ofMillis(1500))
					.hasFieldOrPropertyWithValue("sendTimeout", Duration.ofSeconds(2))
					.hasFieldOrPropertyWithValue("sendQueueCapacity", 42)
					.hasFieldOrPropertyWithValue("maxRequestSockets", 7);
				assertThat(context.getBean(ZmqListenerContainerFactory.class))
					.hasFieldOrPropertyWithValue("shutdownTimeout", Duration.ofSeconds(3))
					.hasFieldOrPropertyWithValue("includeErrorMessage", true);
			});
	}

	@Test
	void misspelledEndpointKeyFailsStartup() {
		this.contextRunner.withPropertyValues("zmq.endpoints.orders.adresses=tcp://*:5555").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class);
			assertThat(rootMessage(context.getStartupFailure())).contains("zmq.endpoints.orders.adresses");
		});
	}

	@Test
	void unknownTopLevelKeyFailsStartup() {
		this.contextRunner.withPropertyValues("zmq.foo=bar").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(rootMessage(context.getStartupFailure())).contains("zmq.foo");
		});
	}

	@Test
	void backsOffWithoutJeroMq() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ZContext.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ZContext.class);
			assertThat(context).doesNotHaveBean(ZmqTemplate.class);
			assertThat(context).doesNotHaveBean(ZmqMessageConverter.class);
			assertThat(context).doesNotHaveBean(ZmqListenerEndpointRegistry.class);
			assertThat(context).doesNotHaveBean(ZmqProperties.class);
		});
	}

	private static String rootMessage(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable current = failure; current != null; current = current.getCause()) {
			messages.append(current.getMessage()).append('\n');
		}
		return messages.toString();
	}

	record Order(String orderId, int itemCount) {
	}

}
