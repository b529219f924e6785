package com.example.zmq.pubsub;

import io.github.zmqspring.annotation.ZmqSubscriber;

import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

/**
 * A forwarding node: subscribes to the "weather." topics of the news feed (prefix
 * matching: "weather.paris" and "weather.rome" match, "sports.football" does not), checks
 * in on "news-sync" before it counts as started, and republishes every message under the
 * same topic on "regional", a second network.
 * <p>
 * It does not start with the application: the publisher's socket must be bound first, so
 * the demo starts it (see {@link Demo}).
 */
@Component
class WeatherForwarder {

	static final String ID = "weather-forwarder";

	@ZmqSubscriber(value = "news-in", id = ID, topics = "weather.", sync = "news-sync", autoStartup = "false")
	@SendTo("regional")
	String forward(String report) {
		return report;
	}

}
