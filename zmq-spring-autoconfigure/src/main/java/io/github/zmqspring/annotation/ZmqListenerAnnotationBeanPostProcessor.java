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

package io.github.zmqspring.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import io.github.zmqspring.config.ZmqListenerConfigUtils;
import io.github.zmqspring.config.ZmqListenerContainerFactory;
import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.config.ZmqListenerType;
import io.github.zmqspring.core.ZmqInvalidEndpointException;

/**
 * Finds {@link ZmqReplier}, {@link ZmqSubscriber} and {@link ZmqPuller} methods on every
 * bean, resolves their attributes ({@code ${...}} placeholders and {@code #{...}}
 * expressions) into a {@link ZmqListenerEndpoint}, and hands the endpoints to the
 * {@link ZmqListenerEndpointRegistry} once all singletons exist. It does nothing else.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, Ordered {

	private static final Log logger = LogFactory.getLog(ZmqListenerAnnotationBeanPostProcessor.class);

	private static final Map<Class<? extends Annotation>, ZmqListenerType> ANNOTATIONS = Map.of(ZmqReplier.class,
			ZmqListenerType.REPLIER, ZmqSubscriber.class, ZmqListenerType.SUBSCRIBER, ZmqPuller.class,
			ZmqListenerType.PULLER);

	private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();

	private final List<ZmqListenerEndpoint> pending = new ArrayList<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile boolean singletonsInstantiated;

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.classesWithoutListeners.contains(targetClass)) {
			return bean;
		}
		Map<Method, AnnotationAttributes> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<AnnotationAttributes>) this::findListenerAnnotation);
		if (methods.isEmpty()) {
			this.classesWithoutListeners.add(targetClass);
			return bean;
		}
		methods.forEach((method, attributes) -> {
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			ZmqListenerEndpoint endpoint = createEndpoint(bean, beanName, invocable, attributes);
			if (this.singletonsInstantiated) {
				register(List.of(endpoint));
			}
			else {
				synchronized (this.pending) {
					this.pending.add(endpoint);
				}
			}
		});
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<ZmqListenerEndpoint> endpoints;
		synchronized (this.pending) {
			endpoints = List.copyOf(this.pending);
			this.pending.clear();
		}
		register(endpoints);
		this.singletonsInstantiated = true;
	}

	private void register(List<ZmqListenerEndpoint> endpoints) {
		if (endpoints.isEmpty()) {
			return;
		}
		ConfigurableListableBeanFactory factory = beanFactory();
		ZmqListenerEndpointRegistry registry = factory.getBean(
				ZmqListenerConfigUtils.ZMQ_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME, ZmqListenerEndpointRegistry.class);
		ZmqListenerContainerFactory containerFactory = factory.getBean(
				ZmqListenerConfigUtils.ZMQ_LISTENER_CONTAINER_FACTORY_BEAN_NAME, ZmqListenerContainerFactory.class);
		for (ZmqListenerEndpoint endpoint : endpoints) {
			registry.registerListenerContainer(endpoint, containerFactory);
		}
	}

	private @Nullable AnnotationAttributes findListenerAnnotation(Method method) {
		AnnotationAttributes found = null;
		for (Class<? extends Annotation> type : ANNOTATIONS.keySet()) {
			AnnotationAttributes attributes = AnnotatedElementUtils.findMergedAnnotationAttributes(method, type, false,
					false);
			if (attributes != null) {
				Assert.state(found == null, () -> "Method " + method.toGenericString()
						+ " carries more than one of @ZmqReplier, @ZmqSubscriber, @ZmqPuller; keep one");
				found = attributes;
			}
		}
		return found;
	}

	private ZmqListenerEndpoint createEndpoint(Object bean, String beanName, Method method,
			AnnotationAttributes attributes) {
		ZmqListenerType type = ANNOTATIONS.get(attributes.annotationType());
		String id = resolve(attributes.getString("id"));
		if (!StringUtils.hasText(id)) {
			id = beanName + "." + method.getName();
		}
		String address = resolve(attributes.getString("endpoint"));
		ZmqListenerEndpoint endpoint = new ZmqListenerEndpoint(id, type, address, bean, beanName, method);
		if (!StringUtils.hasText(address)) {
			throw new ZmqInvalidEndpointException("", "no endpoint given",
					"Set the endpoint, for example " + type.annotation()
							+ "(\"greeter\") with zmq.endpoints.greeter.addresses " + "configured, or "
							+ type.annotation() + "(\"tcp://*:5555\").")
				.withSource(endpoint.describe());
		}
		endpoint.setAutoStartup(parseBoolean(endpoint, "autoStartup", resolve(attributes.getString("autoStartup"))));
		endpoint.setPhase(parsePhase(endpoint, resolve(attributes.getString("phase"))));
		if (attributes.containsKey("concurrency")) {
			endpoint.setConcurrency(parseConcurrency(endpoint, resolve(attributes.getString("concurrency"))));
		}
		if (attributes.containsKey("topics")) {
			List<String> topics = Arrays.stream(attributes.getStringArray("topics")).map(this::resolve).toList();
			endpoint.setTopics(topics.isEmpty() ? List.of("") : topics);
		}
		if (attributes.containsKey("sync")) {
			String sync = resolve(attributes.getString("sync"));
			endpoint.setSync(StringUtils.hasText(sync) ? sync.trim() : null);
		}
		endpoint.setSendTo(findSendTo(endpoint, method));
		if (type == ZmqListenerType.REPLIER
				&& (method.getReturnType() == void.class || method.getReturnType() == Void.class)) {
			logger.warn(endpoint.describe() + " returns void: every request is answered with one empty frame. "
					+ "Return the reply, or use @ZmqPuller if senders expect no answer.");
		}
		return endpoint;
	}

	private @Nullable String findSendTo(ZmqListenerEndpoint endpoint, Method method) {
		SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(method, SendTo.class);
		if (sendTo == null) {
			return null;
		}
		Assert.state(endpoint.getType() != ZmqListenerType.REPLIER, () -> "@SendTo is not supported on "
				+ endpoint.describe() + ": a replier's return value is its reply. Remove @SendTo.");
		Assert.state(sendTo.value().length == 1 && StringUtils.hasText(sendTo.value()[0]),
				() -> "@SendTo on " + endpoint.describe() + " must name exactly one endpoint");
		return resolve(sendTo.value()[0]);
	}

	private static boolean parseBoolean(ZmqListenerEndpoint endpoint, String attribute, String value) {
		if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
			return Boolean.parseBoolean(value);
		}
		throw new IllegalStateException(
				"Invalid " + attribute + " '" + value + "' on " + endpoint.describe() + ": use \"true\" or \"false\"");
	}

	private static int parseConcurrency(ZmqListenerEndpoint endpoint, String value) {
		try {
			int concurrency = Integer.parseInt(value.trim());
			if (concurrency >= 1) {
				return concurrency;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalStateException(
				"Invalid concurrency '" + value + "' on " + endpoint.describe() + ": use a whole number of at least 1");
	}

	private static int parsePhase(ZmqListenerEndpoint endpoint, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(
					"Invalid phase '" + value + "' on " + endpoint.describe() + ": use a whole number, such as 10");
		}
	}

	private String resolve(String value) {
		ConfigurableListableBeanFactory factory = beanFactory();
		String resolved = factory.resolveEmbeddedValue(value);
		if (resolved != null && resolved.contains("#{") && factory.getBeanExpressionResolver() != null) {
			Object evaluated = factory.getBeanExpressionResolver()
				.evaluate(resolved, new BeanExpressionContext(factory, null));
			resolved = (evaluated != null) ? evaluated.toString() : null;
		}
		return (resolved != null) ? resolved : "";
	}

	private ConfigurableListableBeanFactory beanFactory() {
		Assert.state(this.beanFactory != null, "BeanFactory not set");
		return this.beanFactory;
	}

}
