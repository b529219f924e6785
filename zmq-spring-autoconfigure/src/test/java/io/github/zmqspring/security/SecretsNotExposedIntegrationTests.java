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

package io.github.zmqspring.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.actuate.ZmqActuatorEndpoint;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.autoconfigure.ZmqProperties;
import io.github.zmqspring.autoconfigure.actuate.ZmqEndpointAutoConfiguration;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.health.ZmqHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.ZCert;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static io.github.zmqspring.security.SecurityTestSupport.curveClient;
import static io.github.zmqspring.security.SecurityTestSupport.curveServer;
import static io.github.zmqspring.security.SecurityTestSupport.plainClient;
import static io.github.zmqspring.security.SecurityTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CURVE and a PLAIN endpoint, server and client side, in two applications with
 * Actuator: the {@code zmq}, {@code health}, {@code configprops} and {@code env} outputs
 * and everything logged from start to stop show no secret key and no password, while the
 * secured endpoints do work.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotExposedIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ZCert server = SecurityTestSupport.newCert();

	private final ZCert client = SecurityTestSupport.newCert();

	private final String password = SecurityTestSupport.newPassword();

	private final String otherUsersPassword = SecurityTestSupport.newPassword();

	private ApplicationContextRunner actuatorRunner() {
		return SecurityTestSupport.observedRunner()
			.withConfiguration(AutoConfigurations.of(ZmqEndpointAutoConfiguration.class,
					EndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=*");
	}

	@Test
	void noSecretInActuatorOutputOrLogsOfAStartRequestStopCycle(CapturedOutput output) {
		List<String> outputs = startRequestStop(actuatorRunner());
		assertThat(outputs).hasSize(10).allSatisfy(this::assertNoSecret);
		assertNoSecret(output.getAll());
	}

	@Test
	void noSecretInConfigpropsOrEnvEvenWhenTheyShowValues(CapturedOutput output) {
		List<String> outputs = startRequestStop(actuatorRunner().withPropertyValues(
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always"));
		assertThat(outputs).hasSize(10).allSatisfy(this::assertNoSecret);
		// the values are shown: the secrets are masked, not everything
		assertThat(outputs).anySatisfy(
				(text) -> assertThat(text).contains("\"zmq.endpoints.curve.security.curve.server-key\":{\"value\":\""
						+ this.server.getPublicKeyAsZ85() + "\""));
		assertNoSecret(output.getAll());
	}

	/**
	 * Start a server and a client application, make a request over each secured endpoint,
	 * read every output of both while they run, and close them.
	 */
	private List<String> startRequestStop(ApplicationContextRunner runner) {
		List<String> outputs = new ArrayList<>();
		runner.withPropertyValues(curveServer("curve", "@tcp://127.0.0.1:*", this.server, this.client))
			.withPropertyValues(prefix("plain") + "addresses=@tcp://127.0.0.1:*",
					prefix("plain") + "security.mechanism=plain",
					prefix("plain") + "security.plain.users.alice=" + this.password,
					prefix("plain") + "security.plain.users.bob=" + this.otherUsersPassword)
			.withUserConfiguration(Repliers.class)
			.run((serverApp) -> {
				String curveAddress = ZmqTestSupport.boundAddress(serverApp, "curve");
				String plainAddress = ZmqTestSupport.boundAddress(serverApp, "plain");
				runner
					.withPropertyValues(
							curveClient("curve", ">" + curveAddress, this.client, this.server.getPublicKeyAsZ85()))
					.withPropertyValues(plainClient("plain", ">" + plainAddress, "alice", this.password))
					.run((clientApp) -> {
						ZmqTemplate template = clientApp.getBean(ZmqTemplate.class);
						assertThat(template.request("curve", "over curve", String.class, TIMEOUT))
							.isEqualTo("curve: over curve");
						assertThat(template.request("plain", "over plain", String.class, TIMEOUT))
							.isEqualTo("plain: over plain");
						outputs.addAll(actuatorOutputs(clientApp));
					});
				outputs.addAll(actuatorOutputs(serverApp));
			});
		return outputs;
	}

	/**
	 * Return what the application's endpoints and its properties' {@code toString} show.
	 */
	private static List<String> actuatorOutputs(ApplicationContext context) {
		JsonMapper json = context.getBean(JsonMapper.class);
		List<String> outputs = new ArrayList<>();
		outputs.add(json.writeValueAsString(context.getBean(ZmqActuatorEndpoint.class).zmq()));
		outputs.add(json.writeValueAsString(context.getBean(ZmqHealthIndicator.class).health()));
		ConfigurationPropertiesReportEndpoint configprops = context
			.getBean(ConfigurationPropertiesReportEndpoint.class);
		outputs.add(json.writeValueAsString(configprops.configurationProperties()));
		EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
		outputs.add(json.writeValueAsString(env.environment(null)));
		outputs.add(String.valueOf(context.getBean(ZmqProperties.class).getEndpoints()));
		return outputs;
	}

	private void assertNoSecret(String text) {
		assertThat(text).isNotBlank()
			.doesNotContain(this.server.getSecretKeyAsZ85())
			.doesNotContain(this.client.getSecretKeyAsZ85())
			.doesNotContain(this.password)
			.doesNotContain(this.otherUsersPassword);
	}

	static class Repliers {

		@ZmqReplier(value = "curve", id = "curve")
		String curve(String request) {
			return "curve: " + request;
		}

		@ZmqReplier(value = "plain", id = "plain")
		String plain(String request) {
			return "plain: " + request;
		}

	}

}
