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

package io.github.zmqspring.autoconfigure.actuate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.actuate.ZmqActuatorEndpoint;
import io.github.zmqspring.actuate.ZmqActuatorEndpoint.ListenerDescriptor;
import io.github.zmqspring.actuate.ZmqActuatorEndpoint.ProxyDescriptor;
import io.github.zmqspring.actuate.ZmqActuatorEndpoint.ZmqDescriptor;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZmqEndpointAutoConfiguration} and the content of the {@code zmq}
 * endpoint.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = ZmqTestSupport.runner()
		.withConfiguration(AutoConfigurations.of(ZmqEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
		.withBean("greeter", Greeter.class);

	@Test
	void endpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=zmq")
			.run((context) -> assertThat(context).hasSingleBean(ZmqActuatorEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ZmqActuatorEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenDisabled() {
		// upper case: the runner's environment has no lenient enum conversion (a
		// SpringApplication's has, and takes "none")
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=zmq", "management.endpoint.zmq.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqActuatorEndpoint.class));
	}

	@Test
	void contextStartsWithoutActuator() {
		// Boot's own endpoint auto-configuration is filtered too: only ours is listed
		ZmqTestSupport.runner()
			.withConfiguration(AutoConfigurations.of(ZmqEndpointAutoConfiguration.class))
			.withBean("greeter", Greeter.class)
			.withPropertyValues("management.endpoints.web.exposure.include=zmq")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ZmqTemplate.class);
				assertThat(context).doesNotHaveBean("zmqActuatorEndpoint");
			});
	}

	@Test
	void endpointDescribesListenersProxiesTemplateAndContextAsCleanJson() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=zmq", "zmq.proxies.broker.type=queue",
					"zmq.proxies.broker.frontend=@tcp://127.0.0.1:*",
					"zmq.proxies.broker.backend=@" + ZmqTestSupport.inproc("endpoint-back"))
			.run((context) -> {
				String bound = ZmqTestSupport.boundAddress(context, "greeter");
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request(">" + bound, "Ada", String.class, Duration.ofSeconds(5)))
					.isEqualTo("Hello, Ada");

				ZmqDescriptor descriptor = context.getBean(ZmqActuatorEndpoint.class).zmq();
				assertThat(descriptor.context().open()).isTrue();
				assertThat(descriptor.context().ioThreads()).isEqualTo(1);
				assertThat(descriptor.context().sockets()).isPositive();
				ListenerDescriptor greeter = descriptor.listeners().get("greeter");
				assertThat(greeter.type()).isEqualTo("replier");
				assertThat(greeter.socketType()).isEqualTo("REP");
				assertThat(greeter.endpoint()).isEqualTo("@tcp://127.0.0.1:*");
				assertThat(greeter.addresses()).isEqualTo("@tcp://127.0.0.1:*");
				assertThat(greeter.boundAddresses()).containsExactly(bound);
				assertThat(greeter.running()).isTrue();
				assertThat(greeter.autoStartup()).isTrue();
				assertThat(greeter.concurrency()).isEqualTo(1);
				assertThat(greeter.counters().received()).isEqualTo(1);
				assertThat(greeter.counters().handled()).isEqualTo(1);
				assertThat(greeter.counters().rejected()).containsEntry("conversion", 0L).containsEntry("frames", 0L);
				ProxyDescriptor broker = descriptor.proxies().get("broker");
				assertThat(broker.type()).isEqualTo("queue");
				assertThat(broker.frontend()).isEqualTo("@tcp://127.0.0.1:*");
				assertThat(broker.frontendBoundAddresses())
					.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
					.matches("tcp://127\\.0\\.0\\.1:\\d+");
				assertThat(broker.running()).isTrue();
				assertThat(descriptor.template()).singleElement().satisfies((endpoint) -> {
					assertThat(endpoint.endpoint()).isEqualTo(">" + bound);
					assertThat(endpoint.socketType()).isEqualTo("DEALER");
					assertThat(endpoint.addresses()).isEqualTo(">" + bound);
				});

				JsonNode json = context.getBean(JsonMapper.class)
					.readTree(context.getBean(JsonMapper.class).writeValueAsString(descriptor));
				assertThat(json.get("context").get("ioThreads").asInt()).isEqualTo(1);
				JsonNode listener = json.get("listeners").get("greeter");
				assertThat(listener.get("boundAddresses").get(0).asString()).isEqualTo(bound);
				assertThat(listener.get("counters").get("handled").asLong()).isEqualTo(1);
				assertThat(json.get("proxies").get("broker").get("running").asBoolean()).isTrue();
				assertThat(json.get("template").get(0).get("socketType").asString()).isEqualTo("DEALER");
				// nothing taken from messages
				assertThat(json.toString()).doesNotContain("Ada");
			});
	}

	static class Greeter {

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "greeter")
		String greet(String name) {
			return "Hello, " + name;
		}

	}

}
