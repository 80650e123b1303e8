import type { FrameMessage } from '../../worker/frame';
import type { ClusterLayout } from '../geometry/layout';
import { messagePlacement } from '../geometry/messages';
import { i18n } from '../i18n';
import { messageFamily, messageLabel } from '../messageLabels';
import { MESSAGE_FILL } from '../roleStyle';
import { glide, stopGlide, type Clock } from './glide';
import { roundTenth, setAttr, setText } from './svgText';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Px a message rides to the right of its link, so a request and its reply do not overlap. */
const LANE_OFFSET = 6;
/** Spare message elements kept for reuse; more than this many at once are let go. */
const SPARE_LIMIT = 400;

/** A message's group: its tag (rect), arrowhead, label and drop hint, and what it shows now. */
interface MessageElement {
  g: SVGGElement;
  rect: SVGRectElement;
  arrow: SVGPathElement;
  text: SVGTextElement;
  title: SVGTitleElement;
  message: FrameMessage;
  /** What the tag was drawn from (type, label, direction): redrawn only when it changes. */
  drawn: string;
}

/**
 * The messages in flight, each a `g.message` (clicking it drops the message). Heartbeats make
 * hundreds of messages a second in a large cluster, so a delivered message's elements are kept
 * aside, hidden, and reused for the next one instead of being removed and created again; each
 * shown message glides from its sender's rim to its receiver's (glide.ts).
 */
export class MessageLayer {
  private readonly shown = new Map<number, MessageElement>();
  private readonly spare: MessageElement[] = [];

  constructor(
    private readonly group: SVGGElement,
    private readonly onDrop: (message: FrameMessage) => void,
  ) {}

  /** Shows exactly `messages` (their tags, colors and arrowheads), marking the selected one. */
  update(messages: readonly FrameMessage[], layout: ClusterLayout, selected: number | null): void {
    const keep = new Set<number>();
    for (const message of messages) {
      const a = layout.positions.get(message.from);
      const b = layout.positions.get(message.to);
      if (!a || !b) continue;
      keep.add(message.id);
      let element = this.shown.get(message.id);
      if (!element) {
        element = this.spare.pop() ?? this.create();
        element.g.setAttribute('class', 'message');
        element.g.removeAttribute('display');
        this.shown.set(message.id, element);
      }
      element.message = message;
      element.g.classList.toggle('dropped', message.dropped);
      element.g.classList.toggle('selected', selected === message.id);
      this.drawTag(element, messagePlacement(a, b, 0, layout.nodeRadius + 3, LANE_OFFSET).angle);
    }
    for (const [id, element] of this.shown) {
      if (keep.has(id)) continue;
      this.shown.delete(id);
      stopGlide(element.g);
      if (this.spare.length >= SPARE_LIMIT) {
        element.g.remove();
        continue;
      }
      // Hidden and no longer a `g.message`, until it carries another message.
      element.g.setAttribute('class', 'message-spare');
      element.g.setAttribute('display', 'none');
      this.spare.push(element);
    }
  }

  /** Keeps each shown message gliding in step with the frame's clock. */
  move(layout: ClusterLayout, clock: Clock): void {
    const inset = layout.nodeRadius + 3;
    for (const { g, message } of this.shown.values()) {
      const a = layout.positions.get(message.from);
      const b = layout.positions.get(message.to);
      if (!a || !b) continue;
      glide(g, messagePlacement(a, b, 0, inset, LANE_OFFSET), messagePlacement(a, b, 1, inset, LANE_OFFSET), message.sentAt, message.arrivesAt, clock);
    }
  }

  private create(): MessageElement {
    const g = document.createElementNS(SVG_NS, 'g');
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('rx', '6');
    rect.setAttribute('ry', '6');
    rect.setAttribute('height', '14');
    rect.setAttribute('y', '-7');
    const arrow = document.createElementNS(SVG_NS, 'path');
    arrow.setAttribute('class', 'arrowhead');
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('y', '4');
    const title = document.createElementNS(SVG_NS, 'title');
    g.append(rect, arrow, text, title);
    this.group.append(g);
    const element: MessageElement = { g, rect, arrow, text, title, message: null as unknown as FrameMessage, drawn: '' };
    g.addEventListener('click', (event) => {
      event.stopPropagation();
      this.onDrop(element.message);
    });
    return element;
  }

  /** The tag's label, width, color and arrowhead (pointing the way the message travels). */
  private drawTag(element: MessageElement, angle: number): void {
    const m = element.message;
    // A message's type, payload and ends never change: its id, whether it was dropped, the way it
    // points and the language say all that the tag shows (checked each frame before any text is made).
    const key = `${m.id}|${m.dropped}|${angle}|${i18n.language}`;
    if (element.drawn === key) return;
    element.drawn = key;
    const label = m.dropped ? `✕ ${messageLabel(m.type, m.msg)}` : messageLabel(m.type, m.msg);
    const title = `${i18n.t('cluster.dropMessage', { type: m.type, from: m.from, to: m.to })}${m.dropped ? ` (${i18n.t('cluster.dropped')})` : ''}`;
    const width = 8 + label.length * 6.4;
    const fill = MESSAGE_FILL[messageFamily(m.type)];
    setAttr(element.rect, 'x', String(-width / 2));
    setAttr(element.rect, 'width', String(width));
    element.rect.style.fill = fill;
    const rad = (angle * Math.PI) / 180;
    const tipX = Math.cos(rad) * (width / 2 + 6);
    const tipY = Math.sin(rad) * (width / 2 + 6);
    const baseX = Math.cos(rad) * (width / 2 - 1);
    const baseY = Math.sin(rad) * (width / 2 - 1);
    const nx = -Math.sin(rad) * 4;
    const ny = Math.cos(rad) * 4;
    setAttr(element.arrow, 'd', `M ${roundTenth(tipX)} ${roundTenth(tipY)} L ${roundTenth(baseX + nx)} ${roundTenth(baseY + ny)} L ${roundTenth(baseX - nx)} ${roundTenth(baseY - ny)} Z`);
    element.arrow.style.fill = fill;
    setText(element.text, label);
    setText(element.title, title);
  }
}

