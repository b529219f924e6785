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

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZCert;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static io.github.zmqspring.security.SecurityTestSupport.curve;
import static io.github.zmqspring.security.SecurityTestSupport.location;
import static io.github.zmqspring.security.SecurityTestSupport.prefix;
import static io.github.zmqspring.security.SecurityTestSupport.rawRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Security settings that would leave an endpoint open or cannot work stop the application
 * at startup with a failure analysis that names the property, and neither the analysis,
 * the exception chain nor the log shows a key or a password.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class CurveStartupFailureTests {

	private static final String SECURITY = prefix("secured") + "security.";

	private final ZCert server = SecurityTestSupport.newCert();

	private final ZCert other = SecurityTestSupport.newCert();

	private final String secret = this.server.getSecretKeyAsZ85();

	@Test
	void curveServerWithoutAnAllowListFailsNamingTheThreeWaysToAllowClients(CapturedOutput output) {
		assertServerFails(output, curveServer(this.secret), (analysis) -> {
			String text = analysis.getDescription() + analysis.getAction();
			assertThat(text).contains(SECURITY + "curve.allowed-client-keys")
				.contains(SECURITY + "curve.allowed-clients-directory")
				.contains(SECURITY + "curve.allow-any-client");
		}, this.secret);
	}

	@Test
	void curveServerThatAllowsAnyClientStartsAndServesAnyKey() {
		ZCert anyone = SecurityTestSupport.newCert();
		ZmqTestSupport.runner()
			.withPropertyValues(curveServer(this.secret))
			.withPropertyValues(SECURITY + "curve.allow-any-client=true")
			.withUserConfiguration(Server.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String address = ZmqTestSupport.boundAddress(context, "secured");
				assertThat(rawRequest(address, curve(anyone, this.server.getPublicKeyAsZ85()), "anyone",
						Duration.ofSeconds(5)))
					.isEqualTo("anyone");
			});
	}

	@Test
	void secretKeyOfThirtyNineCharactersFailsNamingIt(CapturedOutput output) {
		String shortKey = this.secret.substring(0, 39);
		assertServerFails(output, allowingAnyClient(curveServer(shortKey)), property(SECURITY + "curve.secret-key"),
				shortKey);
	}

	@Test
	void secretKeyOfFortyOneCharactersFailsNamingIt(CapturedOutput output) {
		String longKey = this.secret + "a";
		assertServerFails(output, allowingAnyClient(curveServer(longKey)), property(SECURITY + "curve.secret-key"),
				longKey);
	}

	@Test
	void secretKeyWithACharacterOutsideZ85FailsNamingIt(CapturedOutput output) {
		// '~' and '_' are not in the Z85 alphabet
		String badKey = "~" + this.secret.substring(1, 20) + "_" + this.secret.substring(21);
		assertServerFails(output, allowingAnyClient(curveServer(badKey)), property(SECURITY + "curve.secret-key"),
				badKey, this.secret.substring(1, 20), this.secret.substring(21));
	}

	@Test
	void malformedPublicKeyFailsNamingIt(CapturedOutput output) {
		String[] properties = { SECURITY + "curve.public-key=" + this.server.getPublicKeyAsZ85().substring(1) };
		assertServerFails(output, allowingAnyClient(curveServer(this.secret), properties),
				property(SECURITY + "curve.public-key"), this.secret);
	}

	@Test
	void publicKeyThatDoesNotMatchTheSecretKeyFailsNamingIt(CapturedOutput output) {
		String[] properties = { SECURITY + "curve.public-key=" + this.other.getPublicKeyAsZ85() };
		assertServerFails(output, allowingAnyClient(curveServer(this.secret), properties),
				property(SECURITY + "curve.public-key"), this.secret, this.other.getSecretKeyAsZ85());
	}

	@Test
	void malformedAllowedClientKeyFailsNamingIt(CapturedOutput output) {
		String[] properties = { SECURITY + "curve.allowed-client-keys[0]=" + this.other.getPublicKeyAsZ85(),
				SECURITY + "curve.allowed-client-keys[1]=" + this.other.getPublicKeyAsZ85().substring(2) };
		assertServerFails(output, concat(curveServer(this.secret), properties),
				property(SECURITY + "curve.allowed-client-keys"), this.secret);
	}

	@Test
	void certificateFileThatDoesNotExistFailsNamingIt(CapturedOutput output, @TempDir Path directory) {
		String[] properties = { prefix("secured") + "addresses=@tcp://127.0.0.1:*", SECURITY + "mechanism=curve",
				SECURITY + "curve.certificate=" + location(directory.resolve("missing.key_secret")),
				SECURITY + "curve.allow-any-client=true" };
		assertServerFails(output, properties, property(SECURITY + "curve.certificate"));
	}

	@Test
	void certificateFileThatIsNotACertificateFailsNamingIt(CapturedOutput output, @TempDir Path directory)
			throws IOException {
		Path garbage = Files.writeString(directory.resolve("garbage.key_secret"), "not a certificate\n");
		String[] properties = { prefix("secured") + "addresses=@tcp://127.0.0.1:*", SECURITY + "mechanism=curve",
				SECURITY + "curve.certificate=" + location(garbage), SECURITY + "curve.allow-any-client=true" };
		assertServerFails(output, properties, property(SECURITY + "curve.certificate"));
	}

	@Test
	void allowedClientsDirectoryThatDoesNotExistFailsNamingIt(CapturedOutput output, @TempDir Path directory) {
		String[] properties = {
				SECURITY + "curve.allowed-clients-directory=" + location(directory.resolve("no-such-dir")) + "/" };
		assertServerFails(output, concat(curveServer(this.secret), properties),
				property(SECURITY + "curve.allowed-clients-directory"), this.secret);
	}

	@Test
	void serverCertificateThatDoesNotExistFailsNamingIt(CapturedOutput output, @TempDir Path directory) {
		String[] properties = { SECURITY + "curve.secret-key=" + this.secret,
				SECURITY + "curve.server-certificate=" + location(directory.resolve("server.key")) };
		assertClientFails(output, curveClient(properties), property(SECURITY + "curve.server-certificate"),
				this.secret);
	}

	@Test
	void malformedServerKeyFailsNamingIt(CapturedOutput output) {
		String[] properties = { SECURITY + "curve.secret-key=" + this.secret, SECURITY + "curve.server-key="
				+ this.other.getPublicKeyAsZ85().replace(this.other.getPublicKeyAsZ85().charAt(7), '~') };
		assertClientFails(output, curveClient(properties), property(SECURITY + "curve.server-key"), this.secret);
	}

	@Test
	void curveClientWithoutItsOwnKeyPairFailsNamingTheKeyProperties(CapturedOutput output) {
		String[] properties = { SECURITY + "curve.server-key=" + this.other.getPublicKeyAsZ85() };
		assertClientFails(output, curveClient(properties),
				(analysis) -> assertThat(analysis.getDescription() + analysis.getAction())
					.contains(SECURITY + "curve.secret-key")
					.contains(SECURITY + "curve.certificate"));
	}

	@Test
	void ipListOnACurveClientFailsNamingIt(CapturedOutput output) {
		String[] properties = { SECURITY + "curve.secret-key=" + this.secret,
				SECURITY + "curve.server-key=" + this.other.getPublicKeyAsZ85(), SECURITY + "allow=127.0.0.1" };
		assertClientFails(output, curveClient(properties), property(SECURITY + "allow"), this.secret);
	}

	@Test
	void plainServerWithoutUsersFailsNamingTheUsersProperty(CapturedOutput output) {
		String[] properties = { prefix("secured") + "addresses=@tcp://127.0.0.1:*", SECURITY + "mechanism=plain" };
		assertServerFails(output, properties, property(SECURITY + "plain.users"));
	}

	@Test
	void plainPasswordWithoutAUserNameFailsWithoutShowingThePassword(CapturedOutput output) {
		String password = SecurityTestSupport.newPassword();
		String[] properties = { prefix("secured") + "addresses=@tcp://127.0.0.1:*", SECURITY + "mechanism=plain",
				SECURITY + "plain.password=" + password };
		assertServerFails(output, properties, (analysis) -> assertThat(analysis.getDescription()).contains(SECURITY),
				password);
	}

	@Test
	void plainClientWithoutAPasswordFailsNamingIt(CapturedOutput output) {
		String[] properties = { prefix("secured") + "addresses=>tcp://127.0.0.1:" + ZmqTestSupport.freePort(),
				SECURITY + "mechanism=plain", SECURITY + "plain.username=alice" };
		assertClientFails(output, properties, property(SECURITY + "plain.password"));
	}

	@Test
	void allowEntryThatIsNotAnAddressFailsNamingIt(CapturedOutput output) {
		String[] properties = { prefix("secured") + "addresses=@tcp://127.0.0.1:*",
				SECURITY + "allow=127.0.0.1,not-an-ip" };
		assertServerFails(output, properties, (analysis) -> {
			assertThat(analysis.getCause()).isInstanceOfSatisfying(ZmqInvalidSecurityException.class,
					(ex) -> assertThat(ex.getProperty()).startsWith(SECURITY + "allow"));
			assertThat(analysis.getDescription()).contains(SECURITY + "allow").contains("not-an-ip");
		});
	}

	@Test
	void denyEntryWithAnImpossiblePrefixLengthFailsNamingIt(CapturedOutput output) {
		String password = SecurityTestSupport.newPassword();
		String[] properties = { prefix("secured") + "addresses=@tcp://127.0.0.1:*", SECURITY + "mechanism=plain",
				SECURITY + "plain.users.alice=" + password, SECURITY + "deny=10.0.0.0/33" };
		assertServerFails(output, properties, property(SECURITY + "deny"), password);
	}

	@Test
	void springBootReportsTheFailureWithoutTheSecret(CapturedOutput output) {
		String shortKey = this.secret.substring(0, 39);
		List<String> properties = new ArrayList<>(List.of(allowingAnyClient(curveServer(shortKey))));
		properties.add("spring.main.banner-mode=off");
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(BootApplication.class).web(WebApplicationType.NONE)
				.properties(properties.toArray(String[]::new))
				.run()
				.close());
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains(SECURITY + "curve.secret-key")
			.doesNotContain(shortKey);
	}

	private static String[] curveServer(String secretKey) {
		return new String[] { prefix("secured") + "addresses=@tcp://127.0.0.1:*", SECURITY + "mechanism=curve",
				SECURITY + "curve.secret-key=" + secretKey };
	}

	private static String[] curveClient(String... properties) {
		return concat(new String[] { prefix("secured") + "addresses=>tcp://127.0.0.1:" + ZmqTestSupport.freePort(),
				SECURITY + "mechanism=curve" }, properties);
	}

	private static String[] allowingAnyClient(String[] properties, String[]... more) {
		String[] all = concat(properties, new String[] { SECURITY + "curve.allow-any-client=true" });
		for (String[] next : more) {
			all = concat(all, next);
		}
		return all;
	}

	private static String[] concat(String[] first, String[] second) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		return all.toArray(String[]::new);
	}

	private static Consumer<FailureAnalysis> property(String property) {
		return (analysis) -> {
			assertThat(analysis.getCause()).isInstanceOfSatisfying(ZmqInvalidSecurityException.class,
					(ex) -> assertThat(ex.getProperty()).startsWith(property));
			assertThat(analysis.getDescription()).contains(property);
			assertThat(analysis.getAction()).isNotBlank();
		};
	}

	private void assertServerFails(CapturedOutput output, String[] properties, Consumer<FailureAnalysis> check,
			String... secrets) {
		assertFails(output, properties, Server.class, check, secrets);
	}

	private void assertClientFails(CapturedOutput output, String[] properties, Consumer<FailureAnalysis> check,
			String... secrets) {
		assertFails(output, properties, Client.class, check, secrets);
	}

	private void assertFails(CapturedOutput output, String[] properties, Class<?> listener,
			Consumer<FailureAnalysis> check, String... secrets) {
		ZmqTestSupport.runner().withPropertyValues(properties).withUserConfiguration(listener).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis).as("failure analysis of " + context.getStartupFailure()).isNotNull();
			check.accept(analysis);
			String report = "Description:\n\n" + analysis.getDescription() + "\n\nAction:\n\n" + analysis.getAction();
			String chain = stackTrace(context.getStartupFailure());
			for (String secret : secrets) {
				assertThat(report).as("failure analysis").doesNotContain(secret);
				assertThat(chain).as("exception chain").doesNotContain(secret);
			}
		});
		for (String secret : secrets) {
			assertThat(output.getAll()).as("captured output").doesNotContain(secret);
		}
	}

	/**
	 * Analyze the failure as Spring Boot does: the first registered analyzer, in order,
	 * that gives an analysis.
	 */
	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		// the failed context cannot be reached: the analyzers that want a bean factory
		// or an environment get empty ones (none of them is ours)
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, new StandardEnvironment());
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(CurveStartupFailureTests.class.getClassLoader())
			.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> {
				// an analyzer Boot could not create either
			}));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
			if (analysis != null) {
				return analysis;
			}
		}
		return null;
	}

	private static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	static class Server {

		@ZmqReplier(value = "secured", id = "secured")
		String echo(String request) {
			return request;
		}

	}

	static class Client {

		@ZmqSubscriber(value = "secured", id = "secured")
		void onMessage(String message) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZmqAutoConfiguration.class)
	@Import(Server.class)
	static class BootApplication {

	}

}
