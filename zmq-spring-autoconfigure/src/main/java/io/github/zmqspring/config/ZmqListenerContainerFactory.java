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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.Assert;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqEndpointResolver;
import io.github.zmqspring.core.ZmqInvalidEndpointException;
import io.github.zmqspring.core.ZmqOperations;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.listener.AbstractZmqListenerContainer;
import io.github.zmqspring.listener.SendToTarget;
import io.github.zmqspring.listener.ZmqFramesMessageConverter;
import io.github.zmqspring.listener.ZmqListenerMethodAdapter;
import io.github.zmqspring.listener.ZmqPullerContainer;
import io.github.zmqspring.listener.ZmqReplierContainer;
import io.github.zmqspring.listener.ZmqSubscriberContainer;
import io.github.zmqspring.observation.ZmqListenerObservationConvention;

/**
 * Creates the container of one listener endpoint: resolves its endpoint (failing fast
 * with a message naming the method), builds the handler-method invocation, and applies
 * the container defaults.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqListenerContainerFactory implements ApplicationEventPublisherAware {

	private final ZmqSocketFactory socketFactory;

	private final ZmqEndpointResolver endpointResolver;

	private final ZmqMessageConverter messageConverter;

	private final Supplier<ZmqOperations> operations;

	private MessageHandlerMethodFactory handlerMethodFactory;

	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private boolean includeErrorMessage;

	private int prefetch = ZmqPullerContainer.DEFAULT_PREFETCH;

	private @Nullable Duration handlerTimeout;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable ZmqListenerObservationConvention observationConvention;

	private @Nullable ApplicationEventPublisher eventPublisher;

	/**
	 * Create a factory.
	 * @param socketFactory creates the listeners' sockets
	 * @param endpointResolver resolves endpoint names and addresses
	 * @param messageConverter converts payloads
	 * @param operations supplies the template that {@code @SendTo} results go through
	 */
	public ZmqListenerContainerFactory(ZmqSocketFactory socketFactory, ZmqEndpointResolver endpointResolver,
			ZmqMessageConverter messageConverter, Supplier<ZmqOperations> operations) {
		this.socketFactory = socketFactory;
		this.endpointResolver = endpointResolver;
		this.messageConverter = messageConverter;
		this.operations = operations;
		DefaultMessageHandlerMethodFactory defaultFactory = new DefaultMessageHandlerMethodFactory();
		defaultFactory.setMessageConverter(new ZmqFramesMessageConverter(messageConverter));
		defaultFactory.setConversionService(new DefaultFormattingConversionService());
		defaultFactory.afterPropertiesSet();
		this.handlerMethodFactory = defaultFactory;
	}

	/**
	 * Replace the spring-messaging factory that builds handler-method invocations (for
	 * custom argument resolvers or validation).
	 * @param handlerMethodFactory the factory
	 */
	public void setHandlerMethodFactory(MessageHandlerMethodFactory handlerMethodFactory) {
		this.handlerMethodFactory = handlerMethodFactory;
	}

	/**
	 * Set how long stopping a container waits for messages being handled.
	 * @param shutdownTimeout the timeout
	 */
	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Set whether repliers' error replies carry the exception message.
	 * @param includeErrorMessage whether to include it
	 */
	public void setIncludeErrorMessage(boolean includeErrorMessage) {
		this.includeErrorMessage = includeErrorMessage;
	}

	/**
	 * Set the receive high-water mark of pullers whose endpoint sets none.
	 * @param prefetch the number of messages per peer
	 */
	public void setPrefetch(int prefetch) {
		Assert.isTrue(prefetch > 0, () -> "zmq.listener.prefetch must be at least 1, was " + prefetch);
		this.prefetch = prefetch;
	}

	/**
	 * Set how long a replier's method may take before its request is answered with
	 * {@code 504 Gateway Timeout}.
	 * @param handlerTimeout the timeout, {@code null} for none
	 */
	public void setHandlerTimeout(@Nullable Duration handlerTimeout) {
		Assert.isTrue(handlerTimeout == null || (!handlerTimeout.isNegative() && !handlerTimeout.isZero()),
				() -> "zmq.listener.handler-timeout must be positive (or unset for none), was " + handlerTimeout);
		this.handlerTimeout = handlerTimeout;
	}

	/**
	 * Set the registry of the {@code zmq.listener} observation made around each method
	 * invocation.
	 * @param observationRegistry the registry, {@link ObservationRegistry#NOOP} (the
	 * default) for none
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set the convention of the {@code zmq.listener} observation.
	 * @param observationConvention the convention, {@code null} for the default
	 */
	public void setObservationConvention(@Nullable ZmqListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Set the publisher that the containers publish their started and stopped events with
	 * (set by the application context when the factory is a bean).
	 * @param applicationEventPublisher the publisher
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		this.eventPublisher = applicationEventPublisher;
	}

	/**
	 * Create the container of a listener endpoint.
	 * @param listener the listener endpoint
	 * @return the container, not started
	 * @throws ZmqInvalidEndpointException if its endpoint cannot be resolved
	 */
	public AbstractZmqListenerContainer createContainer(ZmqListenerEndpoint listener) {
		ZmqListenerType type = listener.getType();
		ZmqEndpoint endpoint = resolve(listener, listener.getEndpoint(), type.socketType());
		InvocableHandlerMethod method = this.handlerMethodFactory.createInvocableHandlerMethod(listener.getBean(),
				listener.getMethod());
		ZmqListenerMethodAdapter adapter = new ZmqListenerMethodAdapter(method, listener.getId());
		AbstractZmqListenerContainer container = switch (type) {
			case REPLIER -> {
				ZmqReplierContainer replier = new ZmqReplierContainer(listener, endpoint, this.socketFactory, adapter,
						this.messageConverter);
				replier.setIncludeErrorMessage(this.includeErrorMessage);
				replier.setHandlerTimeout(this.handlerTimeout);
				yield replier;
			}
			case PULLER -> {
				ZmqPullerContainer puller = new ZmqPullerContainer(listener, endpoint, this.socketFactory, adapter,
						pushTarget(listener));
				puller.setPrefetch(this.prefetch);
				yield puller;
			}
			case SUBSCRIBER -> new ZmqSubscriberContainer(listener, endpoint, this.socketFactory, adapter,
					publishTarget(listener), syncEndpoint(listener));
		};
		container.setShutdownTimeout(this.shutdownTimeout);
		container.setObservationRegistry(this.observationRegistry);
		container.setObservationConvention(this.observationConvention);
		container.setApplicationEventPublisher(this.eventPublisher);
		return container;
	}

	private @Nullable SendToTarget pushTarget(ZmqListenerEndpoint listener) {
		String target = listener.getSendTo();
		if (target == null) {
			return null;
		}
		resolve(listener, target, SocketType.PUSH);
		return (topic, result) -> {
			// converted here, so the listener can count the bytes it sends onward
			ZmqFrames frames = this.messageConverter.toFrames(result);
			this.operations.get().push(target, frames);
			return frames.byteCount();
		};
	}

	private @Nullable SendToTarget publishTarget(ZmqListenerEndpoint listener) {
		String target = listener.getSendTo();
		if (target == null) {
			return null;
		}
		resolve(listener, target, SocketType.PUB);
		return (topic, result) -> {
			ZmqFrames frames = this.messageConverter.toFrames(result);
			if (topic != null) {
				this.operations.get().publish(target, topic, frames);
				return topic.getBytes(StandardCharsets.UTF_8).length + frames.byteCount();
			}
			this.operations.get().publish(target, frames);
			return frames.byteCount();
		};
	}

	private @Nullable ZmqEndpoint syncEndpoint(ZmqListenerEndpoint listener) {
		String sync = listener.getSync();
		return (sync != null) ? resolve(listener, sync, SocketType.REQ) : null;
	}

	/**
	 * Return the addresses a listener's {@code @SendTo} sends to, to tell which listeners
	 * of the application it feeds.
	 * @param listener the listener endpoint
	 * @return the addresses in CZMQ notation, empty when it sends nothing onward or the
	 * target cannot be resolved
	 */
	public String describeSendToAddresses(ZmqListenerEndpoint listener) {
		String target = listener.getSendTo();
		if (target == null) {
			return "";
		}
		SocketType type = (listener.getType() == ZmqListenerType.SUBSCRIBER) ? SocketType.PUB : SocketType.PUSH;
		try {
			return this.endpointResolver.resolve(target, type).describeAddresses();
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private ZmqEndpoint resolve(ZmqListenerEndpoint listener, String endpoint, SocketType socketType) {
		try {
			return this.endpointResolver.resolve(endpoint, socketType);
		}
		catch (ZmqInvalidEndpointException ex) {
			throw ex.withSource(listener.describe());
		}
	}

}
