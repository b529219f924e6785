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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.listener.ZmqListenerContainer;

/**
 * Starts the starter side of a benchmark as a user would: a Spring Boot application whose
 * annotated listener binds the endpoint {@value #IN}, and a {@link ZmqTemplate} sending
 * to the endpoint {@value #OUT}. Over tcp the listener binds {@code 127.0.0.1} on a
 * wildcard port and the template lives in a second application (a client process would)
 * that connects to the real port; over inproc both share one application and its context.
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

	private final ConfigurableApplicationContext server;

	private final ConfigurableApplicationContext client;

	private StarterFixture(ConfigurableApplicationContext server, ConfigurableApplicationContext client) {
		this.server = server;
		this.client = client;
	}

	/**
	 * Start the applications.
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
	 * Start the applications with application-wide properties on both of them.
	 * @param transport tcp or inproc
	 * @param listener the listener class
	 * @param counter the counter the listener counts into
	 * @param inOptions options of the listener's endpoint
	 * ({@code zmq.endpoints.bench-in.*})
	 * @param outOptions options of the template's endpoint
	 * @param common further properties of both applications (e.g. {@code zmq.context.*})
	 * @return the started fixture
	 */
	public static StarterFixture start(Transport transport, Class<?> listener, MessageCounter counter,
			Map<String, Object> inOptions, Map<String, Object> outOptions, Map<String, Object> common) {
		Map<String, Object> properties = new HashMap<>(common);
		endpoint(properties, IN, inOptions);
		if (transport == Transport.INPROC) {
			String address = "inproc://zmq-spring-bench-" + UUID.randomUUID();
			properties.put("zmq.endpoints." + IN + ".addresses", "@" + address);
			properties.put("zmq.endpoints." + OUT + ".addresses", ">" + address);
			endpoint(properties, OUT, outOptions);
			ConfigurableApplicationContext both = run(properties, counter, BenchApplication.class, listener);
			return new StarterFixture(both, both);
		}
		properties.put("zmq.endpoints." + IN + ".addresses", "@tcp://127.0.0.1:*");
		ConfigurableApplicationContext server = run(properties, counter, BenchApplication.class, listener);
		try {
			ZmqListenerContainer container = server.getBean(ZmqListenerEndpointRegistry.class)
				.getListenerContainer(LISTENER_ID);
			List<String> bound = container.getBoundAddresses();
			Map<String, Object> clientProperties = new HashMap<>(common);
			clientProperties.put("zmq.endpoints." + OUT + ".addresses", ">" + bound.get(0));
			endpoint(clientProperties, OUT, outOptions);
			ConfigurableApplicationContext client = run(clientProperties, counter, BenchApplication.class);
			return new StarterFixture(server, client);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
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
	 * Return the template of the sending application.
	 * @return the template
	 */
	public ZmqTemplate template() {
		return this.client.getBean(ZmqTemplate.class);
	}

	@Override
	public void close() {
		if (this.client != this.server) {
			this.client.close();
		}
		this.server.close();
	}

}
