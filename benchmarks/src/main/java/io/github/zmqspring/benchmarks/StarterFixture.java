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

package io.github.zmqspring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.zmqspring.core.ZmqTemplate;

/**
 * Starts the starter side of a benchmark as a user would: a Spring Boot application whose
 * annotated listener binds the endpoint {@value #IN}, and whose {@link ZmqTemplate} sends
 * to the endpoint {@value #OUT}. Both live in ONE application, so one JeroMQ context with
 * one I/O thread carries both ends, exactly like the raw baselines' one context: the two
 * sides then differ only by what the starter adds. Over tcp the listener binds
 * {@code 127.0.0.1} on a port picked free just before (the template's address has to be
 * known when the application starts); over inproc a unique name.
 *
 * @author zmq-spring contributors
 */
public final class StarterFixture implements AutoCloseable {

	/** The listener's endpoint name. */
	public static final String IN = "bench-in";

	/** The template's endpoint name. */
	public static final String OUT = "bench-out";

	/** The listener id. */
	public static final String LISTENER_ID = "bench";

	/** The topic published and subscribed. */
	public static final String TOPIC = "bench";

	private final ConfigurableApplicationContext application;

	private StarterFixture(ConfigurableApplicationContext application) {
		this.application = application;
	}

	/**
	 * Start the application.
	 * @param transport tcp or inproc
	 * @param listener the listener class
	 * @param counter the counter the listener counts into
	 * @param inOptions options of the listener's endpoint
	 * ({@code zmq.endpoints.bench-in.*})
	 * @param outOptions options of the template's endpoint
	 * @return the started fixture
	 */
	public static StarterFixture start(Transport transport, Class<?> listener, MessageCounter counter,
			Map<String, Object> inOptions, Map<String, Object> outOptions) {
		return start(transport, listener, counter, inOptions, outOptions, Map.of());
	}

	/**
	 * Start the application with further application-wide properties.
	 * @param transport tcp or inproc
	 * @param listener the listener class
	 * @param counter the counter the listener counts into
	 * @param inOptions options of the listener's endpoint
	 * ({@code zmq.endpoints.bench-in.*})
	 * @param outOptions options of the template's endpoint
	 * @param common further properties (e.g. {@code zmq.context.*})
	 * @return the started fixture
	 */
	public static StarterFixture start(Transport transport, Class<?> listener, MessageCounter counter,
			Map<String, Object> inOptions, Map<String, Object> outOptions, Map<String, Object> common) {
		Map<String, Object> properties = new HashMap<>(common);
		endpoint(properties, IN, inOptions);
		endpoint(properties, OUT, outOptions);
		String address = (transport == Transport.INPROC) ? "inproc://zmq-spring-bench-" + UUID.randomUUID()
				: "tcp://127.0.0.1:" + freePort();
		properties.put("zmq.endpoints." + IN + ".addresses", "@" + address);
		properties.put("zmq.endpoints." + OUT + ".addresses", ">" + address);
		return new StarterFixture(run(properties, counter, BenchApplication.class, listener));
	}

	/**
	 * Return a tcp port nothing listens on now; another process could take it before the
	 * listener binds, which would fail the set-up loudly, not skew a figure.
	 */
	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void endpoint(Map<String, Object> properties, String name, Map<String, Object> options) {
		options.forEach((key, value) -> properties.put("zmq.endpoints." + name + "." + key, value));
	}

	/**
	 * Run a quiet application without web server.
	 * @param properties the properties
	 * @param counter registered as a bean for the listeners
	 * @param sources the sources
	 * @return the running application
	 */
	static ConfigurableApplicationContext run(Map<String, Object> properties, MessageCounter counter,
			Class<?>... sources) {
		Map<String, Object> all = new HashMap<>(quietProperties());
		all.putAll(properties);
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.registerShutdownHook(false)
			.properties(all)
			.initializers((context) -> context.getBeanFactory().registerSingleton("messageCounter", counter))
			.run();
	}

	/**
	 * Return the properties that keep a benchmark application quiet.
	 * @return the properties
	 */
	static Map<String, Object> quietProperties() {
		return Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false", "logging.level.root",
				"warn");
	}

	/**
	 * Return the application's template.
	 * @return the template
	 */
	public ZmqTemplate template() {
		return this.application.getBean(ZmqTemplate.class);
	}

	/**
	 * Return one of the application's beans (the harness tests check the setup with it).
	 * @param <T> the bean type
	 * @param type the bean type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return this.application.getBean(type);
	}

	@Override
	public void close() {
		this.application.close();
	}

}
