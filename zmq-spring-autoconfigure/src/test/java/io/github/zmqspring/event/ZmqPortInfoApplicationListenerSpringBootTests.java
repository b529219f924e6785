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
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZMsg;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.actuate.ZmqActuatorEndpoint;
import io.github.zmqspring.annotation.ZmqReplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @SpringBootTest} of a whole auto-configured application whose replier binds a
 * wildcard port: the test reads the real port from {@code local.zmq.listener.<id>.port}
 * and a raw ZeroMQ client talks to it; the health indicator and the endpoint come from
 * the auto-configuration imports.
 *
 * @author zmq-spring contributors
 */
@SpringBootTest(properties = "management.endpoints.web.exposure.include=zmq")
// closed after this class: other classes check that no zmq-* thread outlives a context
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DirtiesContext
class ZmqPortInfoApplicationListenerSpringBootTests {

	@Value("${local.zmq.listener.shouter.port}")
	private int port;

	@Value("${local.zmq.listener.shouter.address}")
	private String address;

	@Autowired
	private HealthContributorRegistry healthContributors;

	@Autowired
	private ZmqActuatorEndpoint endpoint;

	@Test
	void wildcardPortIsInjectedAndAnswers() {
		assertThat(this.port).isPositive();
		assertThat(this.address).isEqualTo("tcp://127.0.0.1:" + this.port);
		ZMsg reply = ZmqTestSupport.rawRequest("tcp://127.0.0.1:" + this.port,
				"hello".getBytes(StandardCharsets.UTF_8));
		assertThat(reply.popString()).isEqualTo("HELLO");
	}

	@Test
	void healthAndEndpointAreAutoConfigured() {
		HealthIndicator zmq = (HealthIndicator) this.healthContributors.getContributor("zmq");
		assertThat(zmq).isNotNull();
		assertThat(zmq.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.endpoint.zmq().listeners().get("shouter").boundAddresses()).containsExactly(this.address);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShouterApplication {

		@Bean
		Shouter shouter() {
			return new Shouter();
		}

	}

	static class Shouter {

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "shouter")
		String shout(String text) {
			return text.toUpperCase(Locale.ROOT);
		}

	}

}
